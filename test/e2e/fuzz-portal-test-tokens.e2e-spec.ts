import { aClient, aUser, signIn } from '../factories';
import { fuzzRuns, requestCases, Template } from '../support/fuzz-arbitraries';
import { closeConnections } from '../support/fuzz-http';
import { FUZZ_ENV, fuzzRoute } from '../support/fuzz-run';
import { startTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';

describe('fuzzing Generate token (POST /clients/{client_id}/tokens, fast-check): every answer keeps the contract', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp(FUZZ_ENV);
  });
  afterAll(async () => {
    closeConnections();
    await server.close();
  });

  it('answers odd bodies, encodings and tokens with 2xx or a 4xx in the contract shape', async () => {
    const token = await signIn(server, await aUser(server, { password: PASSWORD }), 'clients:read clients:write');
    const app = await aClient(server, token, {
      grant_types: ['client_credentials'],
      scopes: ['profile', 'contacts.read'],
    });
    const bearer = `Bearer ${token}`;
    const templates: Template[] = [
      { name: 'default scopes', params: {}, authorization: bearer },
      { name: 'narrower scopes', params: { scopes: ['contacts.read'] }, authorization: bearer },
    ];
    const tally = await fuzzRoute({
      baseUrl: server.url,
      cases: requestCases({
        method: 'POST',
        path: `/clients/${app.client_id}/tokens`,
        templates,
        knownFields: ['scopes'],
        validEncodings: ['json', 'none'],
      }),
      runs: fuzzRuns(300),
      successStatuses: [200],
      secrets: [PASSWORD, app.client_secret ?? ''],
    });
    expect(tally.byStatus[200]).toBeGreaterThan(0);
    expect(tally.byStatus[400]).toBeGreaterThan(0);
  }, 120_000);
});
