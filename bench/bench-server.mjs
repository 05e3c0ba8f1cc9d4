// Our server as the benchmark runs it: the BUILT app (run `npm run build` first) plus the bench-only module.
// Prints one line `{"ready":true,"port":N}` once listening, like the peers. SIGTERM/SIGINT close it.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { BenchModule } from './bench.module.mjs';

const require = createRequire(import.meta.url);
const { createApp } = require('../dist/app.factory.js');
const { loadConfig } = require('../dist/config/load-config.js');

// BENCH_CPU_PROFILE=<file>: profile the whole life of the server, written on SIGTERM (before Nest's own
// shutdown hook re-raises the signal, which would end the process without writing a --cpu-prof file).
function startProfiler(file) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  let written = false;
  const stop = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
    });
  };
  process.prependListener('SIGTERM', stop);
  process.prependListener('SIGINT', stop);
}

async function main() {
  if (process.env.BENCH_CPU_PROFILE) startProfiler(process.env.BENCH_CPU_PROFILE);
  const config = loadConfig(process.env);
  const app = await createApp(config, { extraImports: [BenchModule] });
  await app.listen({ port: config.port, host: '127.0.0.1' });
  console.log(JSON.stringify({ ready: true, port: app.getHttpServer().address().port }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
