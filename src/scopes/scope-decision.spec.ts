import { OAuthError } from '../common/errors/oauth.error';
import { decideScopes, parseScopeParameter, ScopeRule } from './scope-decision';

const KNOWN: ScopeRule[] = [
  { name: 'profile', isDefault: true, adminOnly: false },
  { name: 'contacts.read', isDefault: true, adminOnly: false },
  { name: 'contacts.write', isDefault: false, adminOnly: false },
  { name: 'admin', isDefault: false, adminOnly: true },
  { name: 'audit', isDefault: true, adminOnly: true },
];
const CLIENT = ['profile', 'contacts.read', 'contacts.write', 'admin', 'audit'];
const USER = { isAdmin: false };
const ADMIN = { isAdmin: true };

function refusal(run: () => unknown): OAuthError {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected an OAuthError');
}

describe('parseScopeParameter (RFC 6749 §3.3)', () => {
  it('treats an absent or empty parameter as omitted', () => {
    expect(parseScopeParameter(undefined)).toBeUndefined();
    expect(parseScopeParameter('')).toBeUndefined();
  });

  it('splits space-delimited scope tokens and drops duplicates', () => {
    expect(parseScopeParameter('profile contacts.read profile')).toEqual(['profile', 'contacts.read']);
    expect(parseScopeParameter('clients:write')).toEqual(['clients:write']);
  });

  it.each([' profile', 'profile ', 'a  b', 'a\tb', 'quo"te', 'back\\slash', 'ünicode', 'x'.repeat(2001)])(
    'refuses the malformed %j with invalid_scope',
    (raw) => {
      expect(refusal(() => parseScopeParameter(raw)).code).toBe('invalid_scope');
    },
  );
});

describe('decideScopes (DESIGN.md: requested ∩ client ∩ user)', () => {
  it('grants the client’s default scopes the user may hold when scope is omitted', () => {
    expect(decideScopes({ requested: undefined, clientScopes: CLIENT, known: KNOWN, user: USER })).toEqual([
      'profile',
      'contacts.read',
    ]);
    expect(decideScopes({ requested: undefined, clientScopes: CLIENT, known: KNOWN, user: ADMIN })).toEqual([
      'profile',
      'contacts.read',
      'audit',
    ]);
  });

  it('grants only defaults the client is allowed', () => {
    expect(
      decideScopes({ requested: [], clientScopes: ['contacts.read', 'contacts.write'], known: KNOWN, user: USER }),
    ).toEqual(['contacts.read']);
  });

  it('refuses an omitted scope when the client has no default scope', () => {
    const error = refusal(() =>
      decideScopes({ requested: undefined, clientScopes: ['contacts.write'], known: KNOWN, user: USER }),
    );
    expect(error.code).toBe('invalid_scope');
    expect(error.description).toContain('no default scope');
  });

  it('grants a requested subset of the client’s scopes as asked', () => {
    expect(
      decideScopes({ requested: ['contacts.write', 'profile'], clientScopes: CLIENT, known: KNOWN, user: USER }),
    ).toEqual(['contacts.write', 'profile']);
  });

  it('refuses an unknown scope, naming it', () => {
    const error = refusal(() =>
      decideScopes({ requested: ['profile', 'nope'], clientScopes: [...CLIENT, 'nope'], known: KNOWN, user: USER }),
    );
    expect(error).toMatchObject({ code: 'invalid_scope', description: 'scope "nope" does not exist' });
  });

  it('refuses a scope the client may not have, naming it, instead of downgrading', () => {
    const error = refusal(() =>
      decideScopes({ requested: ['profile', 'contacts.write'], clientScopes: ['profile'], known: KNOWN, user: USER }),
    );
    expect(error).toMatchObject({
      code: 'invalid_scope',
      description: 'scope "contacts.write" is not allowed for this client',
    });
  });

  it('refuses an admin-only scope to a non-admin and grants it to an admin', () => {
    const error = refusal(() => decideScopes({ requested: ['admin'], clientScopes: CLIENT, known: KNOWN, user: USER }));
    expect(error.code).toBe('invalid_scope');
    expect(error.description).toContain('"admin"');
    expect(decideScopes({ requested: ['admin'], clientScopes: CLIENT, known: KNOWN, user: ADMIN })).toEqual(['admin']);
  });

  it('never grants an admin-only scope without a user (client_credentials)', () => {
    const error = refusal(() => decideScopes({ requested: ['admin'], clientScopes: CLIENT, known: KNOWN, user: null }));
    expect(error.description).toContain('a client acting for itself');
    expect(decideScopes({ requested: undefined, clientScopes: CLIENT, known: KNOWN, user: null })).toEqual([
      'profile',
      'contacts.read',
    ]);
  });
});
