import { AccountToken } from '../../../src/users/account/account-token.entity';
import { User } from '../../../src/users/user.entity';
import { aClient, aUser, signIn, TestUser } from '../../factories';
import { eventually } from '../../support/eventually';
import { Browser } from '../../support/interaction/browser';
import { authorizePath, codeFlowTokens } from '../../support/interaction/code-flow';
import { startTestApp, TestApp } from '../../support/test-app';
import { linkToken, recipientOf, startTestSmtpServer, TestSmtpServer } from '../../support/test-smtp-server';
import { sha256Hex } from '../../../src/common/crypto/secrets';

const REDIRECT_URI = 'http://127.0.0.1/callback';

describe('the pages the account mails link to (/account/reset-password, /account/verify-email)', () => {
  let smtp: TestSmtpServer;
  let server: TestApp;
  let clientId: string;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestApp({ SMTP_URL: smtp.url });
    const developerToken = await signIn(server, await aUser(server), 'clients:write');
    clientId = (
      await aClient(server, developerToken, {
        confidential: false,
        grant_types: ['authorization_code'],
        scopes: ['openid', 'profile'],
        redirect_uris: [REDIRECT_URI],
      })
    ).client_id;
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  async function linkMailedTo(email: string, subject: string, page: string): Promise<string> {
    const matching = () => smtp.mails.filter((mail) => recipientOf(mail) === email && mail.subject === subject);
    expect(await eventually(() => Promise.resolve(matching().length > 0), 15_000)).toBe(true);
    return `${page}?token=${linkToken(matching()[matching().length - 1], page)}`;
  }

  async function resetLinkFor(user: TestUser): Promise<string> {
    expect((await server.http.post('/users/password-reset').send({ email: user.email })).status).toBe(202);
    return linkMailedTo(user.email, 'Reset your password', '/account/reset-password');
  }

  const passwordGrant = (email: string, password: string) =>
    server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'password', client_id: server.config.portalClientId, username: email, password });

  const signedIn = async (browser: Browser) => {
    const response = await browser.get(authorizePath(clientId, REDIRECT_URI, { prompt: 'none', scope: 'openid' }));
    return new URL(response.headers.location).searchParams.has('code');
  };

  describe('reset password', () => {
    it('the link shows a form; a refused password re-renders it; a good one changes it and ends every session', async () => {
      const user = await aUser(server);
      const browser = new Browser(server);
      await codeFlowTokens(server, browser, user, clientId, REDIRECT_URI);
      expect(await signedIn(browser)).toBe(true);

      const link = await resetLinkFor(user);
      const pageBrowser = new Browser(server);
      const page = await pageBrowser.get(link);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.text).toContain('<label for="password">New password</label>');

      const refused = await pageBrowser.submit(page, '/account/reset-password', { password: 'short' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('password must be at least 10 characters');
      expect(refused.text).toContain('name="password"');

      const done = await pageBrowser.submit(refused, '/account/reset-password', { password: 'a new page password' });
      expect(done.status).toBe(200);
      expect(done.text).toContain('Password changed');
      expect((await passwordGrant(user.email, 'a new page password')).status).toBe(200);
      expect((await passwordGrant(user.email, user.password)).body).toMatchObject({ error: 'invalid_grant' });
      expect(await signedIn(browser)).toBe(false);

      const reused = await pageBrowser.get(link);
      expect(reused.status).toBe(400);
      expect(reused.text).toContain('The reset link is invalid, used or expired');
      const reposted = await pageBrowser.submit(page, '/account/reset-password', { password: 'yet another password' });
      expect(reposted.status).toBe(400);
      expect(reposted.text).toContain('The reset link is invalid, used or expired');
    });

    it('an expired link shows the error page', async () => {
      const user = await aUser(server);
      const link = await resetLinkFor(user);
      const token = new URL(link, 'http://x').searchParams.get('token') as string;
      await server.dataSource
        .getRepository(AccountToken)
        .update({ tokenHash: sha256Hex(token) }, { expiresAt: new Date(Date.now() - 1000) });
      const page = await new Browser(server).get(link);
      expect(page.status).toBe(400);
      expect(page.text).toContain('The reset link is invalid, used or expired');
    });

    it('refuses a post without its CSRF token and keeps the password', async () => {
      const user = await aUser(server);
      const browser = new Browser(server);
      const page = await browser.get(await resetLinkFor(user));
      const forged = await browser.submit(page, '/account/reset-password', {
        _csrf: 'forged',
        password: 'a forged new password',
      });
      expect(forged.status).toBe(403);
      expect(forged.headers['content-type']).toBe('text/html; charset=utf-8');
      expect((await passwordGrant(user.email, user.password)).status).toBe(200);
    });

    it.each([
      ['no token', '/account/reset-password'],
      ['a repeated token', '/account/reset-password?token=a&token=b'],
      ['an unknown token', '/account/reset-password?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ])('%s: the error page, nothing reflected', async (_case, path) => {
      const page = await new Browser(server).get(path);
      expect(page.status).toBe(400);
      expect(page.text).toContain('The reset link is invalid, used or expired');
      expect(page.text).not.toContain('<script>');
    });
  });

  describe('verify email', () => {
    it('the link shows a button; only its post marks the address verified, once', async () => {
      const user = await aUser(server);
      const token = await signIn(server, user, 'profile');
      expect((await server.http.post('/users/me/email-verification').auth(token, { type: 'bearer' })).status).toBe(202);
      const link = await linkMailedTo(user.email, 'Confirm your email address', '/account/verify-email');
      const browser = new Browser(server);
      const page = await browser.get(link);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Confirm my address');
      const verified = () => server.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
      expect((await verified()).emailVerified).toBe(false);

      const done = await browser.submit(page, '/account/verify-email', {});
      expect(done.status).toBe(200);
      expect(done.text).toContain('Your email address is confirmed.');
      expect((await verified()).emailVerified).toBe(true);

      const again = await browser.submit(page, '/account/verify-email', {});
      expect(again.status).toBe(400);
      expect(again.text).toContain('The verification link is invalid, used or expired');
    });

    it('refuses a post without its CSRF token', async () => {
      const browser = new Browser(server);
      const page = await browser.get('/account/verify-email?token=anything');
      expect((await browser.submit(page, '/account/verify-email', { _csrf: 'forged' })).status).toBe(403);
    });
  });
});
