import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GRANTS, GRANT_TYPES } from './index';

describe('the grant registry list (grants/index.ts)', () => {
  const grantFiles = readdirSync(__dirname).filter((name) => name.endsWith('.grant.ts'));

  it.each(grantFiles)('registers every class exported by %s', async (file) => {
    const exported = Object.values((await import(join(__dirname, file))) as Record<string, unknown>).filter(
      (value) => typeof value === 'function',
    );
    expect(exported.length).toBeGreaterThan(0);
    for (const grantClass of exported) expect(GRANTS).toContain(grantClass);
  });

  it('lists each grant once, with distinct grant types', () => {
    const types = GRANT_TYPES;
    expect(new Set(types).size).toBe(GRANTS.length);
    expect(types).toEqual(expect.arrayContaining(['password', 'refresh_token', 'client_credentials']));
  });
});
