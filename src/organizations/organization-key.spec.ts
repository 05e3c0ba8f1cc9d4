import fc from 'fast-check';
import { ORGANIZATION_KEY, parseSignInName } from './organization-key';

const keyArbitrary = fc.stringMatching(/^[a-z0-9-]{2,40}$/);
const localPart = fc.stringMatching(/^[A-Za-z0-9._%+-]{1,20}$/);
const domain = fc.stringMatching(/^[a-z0-9-]{1,12}\.[a-z]{2,6}$/);

describe('parseSignInName', () => {
  it('leaves a plain email whole', () => {
    expect(parseSignInName('ada@example.com')).toEqual({ email: 'ada@example.com' });
    expect(parseSignInName('no-at-sign')).toEqual({ email: 'no-at-sign' });
  });

  it('takes the part after the last @ as the organization key when there are two or more', () => {
    expect(parseSignInName('ada@example.com@acme')).toEqual({ email: 'ada@example.com', organizationKey: 'acme' });
    expect(parseSignInName('a@b@c.d@acme-2')).toEqual({ email: 'a@b@c.d', organizationKey: 'acme-2' });
    expect(parseSignInName('Ada@Example.com@ACME')).toEqual({ email: 'Ada@Example.com', organizationKey: 'acme' });
  });

  it('keeps a username whole when its last part cannot be a key', () => {
    for (const username of ['"a@b"@example.com', 'ada@example.com@', 'ada@example.com@a', 'a@b@ac_me']) {
      expect(parseSignInName(username)).toEqual({ email: username });
    }
  });

  it('round-trips any email and key, and never yields a key outside the key syntax', () => {
    fc.assert(
      fc.property(localPart, domain, keyArbitrary, (local, host, key) => {
        expect(parseSignInName(`${local}@${host}@${key}`)).toEqual({ email: `${local}@${host}`, organizationKey: key });
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (parts) => {
        const parsed = parseSignInName(parts.join('@'));
        if (parsed.organizationKey !== undefined) {
          expect(parsed.organizationKey).toMatch(ORGANIZATION_KEY);
          expect(`${parsed.email}@${parsed.organizationKey}`.toLowerCase()).toBe(parts.join('@').toLowerCase());
        } else {
          expect(parsed.email).toBe(parts.join('@'));
        }
      }),
    );
  });
});
