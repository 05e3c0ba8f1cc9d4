import { aUser, signIn } from '../../factories';
import { fuzzRuns, requestCases, Template } from '../../support/fuzz-arbitraries';
import { closeConnections } from '../../support/fuzz-http';
import { FUZZ_ENV, fuzzRoute } from '../../support/fuzz-run';
import { startTestApp, TestApp } from '../../support/test-app';

const PASSWORD = 'correct horse battery staple';

describe('fuzzing /userinfo (fast-check): every answer keeps the contract', () => {
  let server: TestApp;
  let token: string;

  beforeAll(async () => {
    server = await startTestApp(FUZZ_ENV);
    const user = await aUser(server, { password: PASSWORD });
    token = await signIn(server, user, 'openid profile email');
  });
  afterAll(async () => {
    closeConnections();
    await server.close();
  });

  it.each(['GET', 'POST'] as const)(
    '%s /userinfo, the token in the header or (POST) the form body',
    async (method) => {
      const templates: Template[] = [
        { name: 'header token', params: {}, authorization: `Bearer ${token}` },
        ...(method === 'POST'
          ? [{ name: 'form body token', params: { access_token: token }, encodings: ['form' as const] }]
          : []),
      ];
      const tally = await fuzzRoute({
        baseUrl: server.url,
        cases: requestCases({
          method,
          path: '/userinfo',
          templates,
          knownFields: ['access_token', 'sub', 'claims', 'scope'],
          validEncodings: method === 'POST' ? ['form', 'none'] : ['none'],
        }),
        runs: fuzzRuns(300),
        successStatuses: [200],
        secrets: [PASSWORD],
      });
      expect(tally.byStatus[200]).toBeGreaterThan(0);
      expect(tally.byStatus[401]).toBeGreaterThan(0);
    },
    120_000,
  );
});
