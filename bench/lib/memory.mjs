// Resident set size of a server process, read from /proc (Linux), sampled in the background.
import { readFileSync } from 'node:fs';

/** RSS of `pid` in MiB, or undefined when /proc is not there (not Linux) or the process is gone. */
export function rssMiB(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples every `intervalMs`; `peak()` is the largest sample so far. */
export function sampleRss(pid, intervalMs = 200) {
  let peak;
  const take = () => {
    const value = rssMiB(pid);
    if (value !== undefined && (peak === undefined || value > peak)) peak = value;
    return value;
  };
  const timer = setInterval(take, intervalMs);
  timer.unref();
  return {
    now: take,
    peak: () => peak,
    stop: () => clearInterval(timer),
  };
}
