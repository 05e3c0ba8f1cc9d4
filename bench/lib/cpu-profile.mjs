// The top self-time functions of a V8 .cpuprofile (what `node --cpu-prof` or the inspector writes), over the
// whole profile or only the samples taken inside given windows ([start, end] pairs in the profile's clock, µs).
import { readFileSync } from 'node:fs';

/** Returns [{ name, location, selfMs, percent }] for the `top` busiest functions, idle time left out. */
export function topSelfTime(file, top = 15, windows) {
  return busiest(file, windows, top, ({ functionName, url, lineNumber }) => {
    const location = url ? `${url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')}:${lineNumber + 1}` : '';
    return { key: `${functionName || '(anonymous)'} ${location}`, name: functionName || '(anonymous)', location };
  });
}

/** Self time grouped by npm package (`dist/<folder>` for our own code, `node:*` for Node's), busiest first. */
export function selfTimeByPackage(file, top = 10, windows) {
  return busiest(file, windows, top, ({ functionName, url }) => {
    const name = packageOf(url) ?? (functionName || '(native)');
    return { key: name, name };
  });
}

/** A profile is read once per run however many scenarios look into it (a full run's is tens of MB). */
const parsed = new Map();
function load(file) {
  if (!parsed.has(file)) parsed.set(file, JSON.parse(readFileSync(file, 'utf8')));
  return parsed.get(file);
}

function busiest(file, windows, top, group) {
  const profile = load(file);
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const entries = new Map();
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    at += micros;
    const frame = frames.get(id);
    if (frame.functionName === '(idle)') return;
    if (windows && !windows.some(([start, end]) => at >= start && at <= end)) return;
    busy += micros;
    const { key, ...named } = group(frame);
    const entry = entries.get(key) ?? { ...named, micros: 0 };
    entry.micros += micros;
    entries.set(key, entry);
  });
  return [...entries.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, top)
    .map(({ micros, ...named }) => ({ ...named, selfMs: micros / 1000, percent: busy ? (100 * micros) / busy : 0 }));
}

function packageOf(url) {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.includes('/dist/')) return `dist/${url.split('/dist/')[1].split('/')[0]}`;
  if (url.startsWith('node:')) return 'node:*';
  return undefined;
}
