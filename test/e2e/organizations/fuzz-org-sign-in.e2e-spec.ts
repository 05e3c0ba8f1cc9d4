import fc from 'fast-check';
import { aUser, type TestUser } from '../../factories';
import { FUZZ_ENV, FUZZ_SEED } from '../../support/fuzz-run';
import { startTestApp, type TestApp } from '../../support/test-app';
import { anOrganization, signInForOrgs } from './org-fixtures';

const segment = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[a-z0-9-]{0,42}$/),
  fc.constantFrom('example.test', 'ACME', 'acme', '', ' ', '%40', '\u0000', 'a'.repeat(300)),
);

describe('organizations: fuzzed usernames with several @ and organization keys', () => {
  let server: TestApp;
  let user: TestUser;
  let key: string;

  beforeAll(async () => {
    server = await startTestApp(FUZZ_ENV);
    user = await aUser(server);
    key = await anOrganization(server, await signInForOrgs(server, user));
  });
  afterAll(() => server.close());

  it('answers every username and organization with a token or a 400 invalid_grant/invalid_request, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.option(segment, { nil: undefined }),
        fc.boolean(),
        async (parts, organization, rightPassword) => {
          const username = parts.join('@');
          const response = await server.http
            .post('/oauth/token')
            .type('form')
            .send({
              grant_type: 'password',
              client_id: server.config.portalClientId,
              username,
              password: rightPassword ? user.password : 'wrong-password',
              ...(organization !== undefined ? { organization } : {}),
            });
          expect([200, 400]).toContain(response.status);
          if (response.status === 400) {
            expect(['invalid_grant', 'invalid_request']).toContain((response.body as { error: string }).error);
          }
        },
      ),
      { seed: FUZZ_SEED, numRuns: 80 },
    );
  });

  it('signs in only the member, for the organization, whatever the case and position of the key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.boolean(), async (upper, asParameter) => {
        const shown = upper ? key.toUpperCase() : key;
        const response = await server.http
          .post('/oauth/token')
          .type('form')
          .send({
            grant_type: 'password',
            client_id: server.config.portalClientId,
            username: asParameter ? user.email : `${user.email}@${shown}`,
            password: user.password,
            ...(asParameter ? { organization: shown } : {}),
          });
        expect(response.status).toBe(200);
      }),
      { seed: FUZZ_SEED, numRuns: 8 },
    );
  });
});
