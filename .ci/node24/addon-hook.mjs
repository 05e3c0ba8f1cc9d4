// Preloaded (NODE_OPTIONS=--import) into every process of the Node 24 test pass: Jest, its workers and
// the servers and CLIs the suites start. better-sqlite3 is a V8-API addon, one build per Node ABI, and
// node_modules holds the Node 20 build; this resolves that one file to the Node 24 build that
// .ci/node24/setup makes, so the Node 20 build stays as it is. module.registerHooks covers require()
// too (Node 23.5+).
import { realpathSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ADDON = join('build', 'Release', 'better_sqlite3.node');
const addonUrl = (packageDir) => pathToFileURL(realpathSync(join(packageDir, ADDON))).href;
const node20Build = addonUrl(join(import.meta.dirname, '..', '..', 'node_modules', 'better-sqlite3'));
const node24Build = addonUrl(join(import.meta.dirname, 'better-sqlite3'));

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    return resolved.url === node20Build ? { ...resolved, url: node24Build } : resolved;
  },
});
