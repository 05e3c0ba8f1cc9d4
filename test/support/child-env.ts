/**
 * The environment of a server or CLI process a test starts: only what the test gives it, plus PATH and
 * the runner's NODE_OPTIONS (CI's Node 24 pass preloads its better-sqlite3 hook through them, and a
 * child without it would load the Node 20 addon).
 */
export function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '' };
  if (process.env.NODE_OPTIONS) inherited.NODE_OPTIONS = process.env.NODE_OPTIONS;
  return { ...inherited, ...env };
}
