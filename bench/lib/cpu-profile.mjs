// The top self-time functions of a V8 .cpuprofile (what `node --cpu-prof` or the inspector writes).
import { readFileSync } from 'node:fs';

/** Returns [{ name, location, selfMs, percent }] for the `top` busiest functions, idle time left out. */
export function topSelfTime(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map();
  let busy = 0;
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    if (functionName === '(idle)') continue;
    busy += micros;
    const location = url ? `${url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${location}`;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', location, micros: 0 };
    entry.micros += micros;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, top)
    .map(({ name, location, micros }) => ({
      name,
      location,
      selfMs: micros / 1000,
      percent: busy ? (100 * micros) / busy : 0,
    }));
}

/** Self time grouped by npm package (`dist/<folder>` for our own code, `node:*` for Node's), busiest first. */
export function selfTimeByPackage(file, top = 10) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPackage = new Map();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url } = nodes.get(id).callFrame;
    if (functionName === '(idle)') return;
    const micros = profile.timeDeltas[i] ?? 0;
    busy += micros;
    const key = packageOf(url) ?? (functionName || '(native)');
    byPackage.set(key, (byPackage.get(key) ?? 0) + micros);
  });
  return [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => ({ name, selfMs: micros / 1000, percent: busy ? (100 * micros) / busy : 0 }));
}

function packageOf(url) {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.includes('/dist/')) return `dist/${url.split('/dist/')[1].split('/')[0]}`;
  if (url.startsWith('node:')) return 'node:*';
  return undefined;
}
