import fc from 'fast-check';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { sha256Hex } from '../../src/common/crypto/secrets';
import { canonicalEmail } from '../../src/common/validation/canonical-email';
import { aClient, aUser, signIn, type TestUser } from '../factories';
import { Browser, pkcePair } from '../support/interaction/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { anOrganization, signInForOrgs } from './organizations/org-fixtures';

// Issue #10 item 5: people type passwords into username fields, so a failed sign-in's audit row names
// the user (when one exists) or a keyed hash and a masked form, never what was typed.
const NO_LOCKS = {
  BRUTE_FORCE_FREE_ATTEMPTS: '1000',
  BRUTE_FORCE_LOCK_AFTER: '1000',
  BRUTE_FORCE_IP_LOCK_AFTER: '1000000',
  BRUTE_FORCE_BASE_DELAY_MS: '0',
  RATE_LIMIT_ENABLED: 'false',
};
const REDIRECT_URI = 'http://127.0.0.1/callback';

/** Password-like text: long enough that finding it in a row cannot be chance. */
const aTypedPassword = fc.stringMatching(/^[A-Za-z0-9!#%&*+=?^_~-]{12,24}$/);

describe('failed sign-ins in the audit log', () => {
  let server: TestApp;
  let user: TestUser;
  let organization: string;
  let codeClientId: string;

  beforeAll(async () => {
    server = await startTestApp(NO_LOCKS);
    user = await aUser(server);
    organization = await anOrganization(server, await signInForOrgs(server, user));
    codeClientId = (
      await aClient(server, await signIn(server, user, 'clients:write'), {
        confidential: false,
        grant_types: ['authorization_code'],
        scopes: ['openid'],
        redirect_uris: [REDIRECT_URI],
      })
    ).client_id;
  });
  afterAll(() => server.close());

  const passwordGrant = (username: string, password: string) =>
    server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', client_id: server.config.portalClientId, username, password });

  async function signInForm(email: string, password: string): Promise<number> {
    const browser = new Browser(server);
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: codeClientId,
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      state: 'state',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    });
    const page = await browser.get(`/oauth/authorize?${query.toString()}`);
    return (await browser.submit(page, '/interaction/sign-in', { email, password })).status;
  }

  const failures = () => server.dataSource.getRepository(AuditEvent).findBy({ type: 'user.signin_failed' });

  /** Every spelling of the typed text an audit row must not hold: as typed, lower-cased, canonical, its plain SHA-256. */
  const tracesOf = (typed: string): string[] => [
    typed,
    typed.toLowerCase(),
    canonicalEmail(typed),
    sha256Hex(canonicalEmail(typed)),
  ];

  it('never stores a password typed as the username: not by the password grant, the org form or the sign-in page', async () => {
    await fc.assert(
      fc.asyncProperty(aTypedPassword, async (typed) => {
        expect((await passwordGrant(typed, 'anything')).status).toBe(400);
        expect((await passwordGrant(`${typed}@${organization}`, 'anything')).status).toBe(400);
        expect(await signInForm(typed, 'anything')).toBe(400);
        const rows = JSON.stringify(await failures());
        for (const trace of tracesOf(typed)) expect(rows).not.toContain(trace);
      }),
      { numRuns: 8 },
    );
  });

  it('names an unknown address by a keyed hash and a masked form, the same for every spelling of it', async () => {
    const typed = `Alice.Unknown-${Date.now()}@Example.TEST`;
    await passwordGrant(typed, 'wrong-password');
    await passwordGrant(typed.toLowerCase(), 'wrong-password');
    expect(await signInForm(typed, 'wrong-password')).toBe(400);
    const rows = (await failures()).filter((row) => row.details?.username_masked === 'a***@example.test');
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.subject)).size).toBe(1);
    expect(rows[0].subject).toMatch(/^hmac:[0-9a-f]{64}$/);
    expect(JSON.stringify(rows).toLowerCase()).not.toContain('alice.unknown');
  });

  it('names a user who exists by id, whichever way in, and keeps the wrong password and the email out', async () => {
    await passwordGrant(user.email, 'wrong-password-1');
    await passwordGrant(`${user.email}@${organization}`, 'wrong-password-2');
    expect(await signInForm(user.email.toUpperCase(), 'wrong-password-3')).toBe(400);
    const rows = (await failures()).filter((row) => row.subject === user.id);
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.details)).toEqual(
      expect.arrayContaining([{ grant: 'password' }, { via: 'sign-in page' }]),
    );
    const text = JSON.stringify(rows);
    expect(text).not.toContain('wrong-password');
    expect(text).not.toContain(user.email);
  });
});
