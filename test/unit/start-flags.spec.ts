import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** The V8 flags in `npm start` (package.json): the bench reads them from there (bench/run.mjs). */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

describe('the V8 flags the server runs with', () => {
  it('bound the young generation (README, Performance: idle and peak RSS against GC time)', () => {
    expect(startFlags()).toContain('--max-semi-space-size=4');
  });

  it('are the same in the container image as in `npm start`', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'));
    const command = JSON.parse(cmd?.[1] ?? '[]') as string[];
    expect(command).toEqual(['node', ...startFlags(), 'dist/main.js']);
  });
});
