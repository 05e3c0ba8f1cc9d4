import { AuditEvent } from '../../../src/audit/audit-event.entity';
import { AccountToken } from '../../../src/users/account/account-token.entity';
import { User } from '../../../src/users/user.entity';
import { aUser, TestUser } from '../../factories';
import { eventually } from '../../support/eventually';
import { startTestApp, TEST_ISSUER, TestApp } from '../../support/test-app';
import { linkToken, recipientOf, startTestSmtpServer, TestSmtpServer } from '../../support/test-smtp-server';

interface Tokens {
  access_token: string;
  refresh_token: string;
}

describe('account recovery and verification by mail, through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let server: TestApp;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'accounts@example.test' });
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  const signInWith = async (user: { email: string; password: string }, scope = 'profile openid'): Promise<Tokens> => {
    const response = await server.http.post('/oauth/token').type('form').send({
      grant_type: 'password',
      client_id: server.config.portalClientId,
      username: user.email,
      password: user.password,
      scope,
    });
    expect(response.status).toBe(200);
    return response.body as Tokens;
  };
  const refresh = (refreshToken: string) =>
    server.http
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: server.config.portalClientId });

  async function mailTo(email: string, subject: string, count = 1) {
    const matching = () => smtp.mails.filter((mail) => recipientOf(mail) === email && mail.subject === subject);
    expect(await eventually(() => Promise.resolve(matching().length >= count), 15_000)).toBe(true);
    return matching()[count - 1];
  }

  const requestReset = (email: string) => server.http.post('/users/password-reset').send({ email });
  const confirmReset = (token: string, password: string) =>
    server.http.post('/users/password-reset/confirm').send({ token, password });

  describe('password reset', () => {
    let user: TestUser;
    beforeAll(async () => {
      user = await aUser(server);
    });

    it('mails a single-use link; the new password works, the old one and every refresh token stop working', async () => {
      const before = await signInWith(user);
      expect((await requestReset(user.email.toUpperCase())).status).toBe(202);
      const mail = await mailTo(user.email, 'Reset your password');
      expect(mail.from?.value[0]?.address).toBe('accounts@example.test');
      expect(mail.text).toContain(`${TEST_ISSUER}/account/reset-password?token=`);
      const token = linkToken(mail, '/account/reset-password');

      expect((await confirmReset(token, 'a brand new password')).status).toBe(204);
      expect((await refresh(before.refresh_token)).body).toMatchObject({ error: 'invalid_grant' });
      await signInWith({ email: user.email, password: 'a brand new password' });
      const old = await server.http.post('/oauth/token').type('form').send({
        grant_type: 'password',
        client_id: server.config.portalClientId,
        username: user.email,
        password: user.password,
      });
      expect(old.body).toMatchObject({ error: 'invalid_grant' });
      user.password = 'a brand new password';

      const reused = await confirmReset(token, 'yet another password');
      expect(reused.status).toBe(400);
      expect(reused.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The reset link is invalid, used or expired',
      });
    });

    it('stores only a hash of the token, valid 30 minutes', async () => {
      const fresh = await aUser(server);
      await requestReset(fresh.email);
      const token = linkToken(await mailTo(fresh.email, 'Reset your password'), '/account/reset-password');
      const rows = await server.dataSource.getRepository(AccountToken).findBy({ userId: fresh.id });
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(token);
      const lifetime = rows[0].expiresAt.getTime() - rows[0].createdAt.getTime();
      expect(lifetime).toBeGreaterThan(29 * 60_000);
      expect(lifetime).toBeLessThanOrEqual(30 * 60_000 + 1000);
    });

    it('an expired link is refused', async () => {
      const fresh = await aUser(server);
      await requestReset(fresh.email);
      const token = linkToken(await mailTo(fresh.email, 'Reset your password'), '/account/reset-password');
      await server.dataSource
        .getRepository(AccountToken)
        .update({ userId: fresh.id }, { expiresAt: new Date(Date.now() - 1000) });
      expect((await confirmReset(token, 'a brand new password')).status).toBe(400);
      await signInWith(fresh);
    });

    it('a refused password leaves the link usable', async () => {
      const fresh = await aUser(server);
      await requestReset(fresh.email);
      const token = linkToken(await mailTo(fresh.email, 'Reset your password'), '/account/reset-password');
      const refused = await confirmReset(token, fresh.email);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ message: 'password must not be the email address' });
      expect((await confirmReset(token, 'a brand new password')).status).toBe(204);
    });

    it('an unknown address gets the same 202 and no mail', async () => {
      const unknown = 'nobody-here@example.test';
      const [forUnknown, forKnown] = [await requestReset(unknown), await requestReset(user.email)];
      expect(forUnknown.status).toBe(202);
      expect(forUnknown.body).toEqual(forKnown.body);
      await mailTo(user.email, 'Reset your password', 2);
      expect(smtp.mails.filter((mail) => recipientOf(mail) === unknown)).toHaveLength(0);
    });

    it('sends at most 3 reset mails per address in 15 minutes, answering 202 all the same', async () => {
      const flooded = await aUser(server);
      for (let i = 0; i < 5; i++) expect((await requestReset(flooded.email)).status).toBe(202);
      const audited = () =>
        server.dataSource
          .getRepository(AuditEvent)
          .findBy({ type: 'user.password_reset_requested', subject: flooded.id });
      expect(await eventually(async () => (await audited()).length === 5, 15_000)).toBe(true);
      await mailTo(flooded.email, 'Reset your password', 3);
      expect(await server.dataSource.getRepository(AccountToken).countBy({ userId: flooded.id })).toBe(3);
    });

    it('a malformed request is a 400 listing the field', async () => {
      const response = await server.http.post('/users/password-reset').send({ email: 'not an address' });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('email');
    });
  });

  describe('password change', () => {
    it('needs the current password; then ends every refresh token and the access tokens issued before', async () => {
      const user = await aUser(server);
      const tokens = await signInWith(user);
      const change = (current: string) =>
        server.http
          .post('/users/me/password')
          .set('authorization', `Bearer ${tokens.access_token}`)
          .send({ current_password: current, new_password: 'my next password' });
      const wrong = await change('not my password');
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ message: 'current_password is incorrect' });
      expect((await change(user.password)).status).toBe(204);
      expect((await refresh(tokens.refresh_token)).body).toMatchObject({ error: 'invalid_grant' });
      const me = (token: string) => server.http.get('/users/me').set('authorization', `Bearer ${token}`);
      expect((await me(tokens.access_token)).status).toBe(401);
      const fresh = await signInWith({ email: user.email, password: 'my next password' });
      expect((await me(fresh.access_token)).status).toBe(200);
    });

    it('without a token: 401', async () => {
      const response = await server.http
        .post('/users/me/password')
        .send({ current_password: 'x', new_password: 'my next password' });
      expect(response.status).toBe(401);
    });
  });

  describe('email verification', () => {
    it('mails a link that marks the address verified, once; the ID token then says so', async () => {
      const user = await aUser(server);
      const { access_token } = await signInWith(user);
      const sent = await server.http
        .post('/users/me/email-verification')
        .set('authorization', `Bearer ${access_token}`);
      expect(sent.status).toBe(202);
      const token = linkToken(await mailTo(user.email, 'Confirm your email address'), '/account/verify-email');
      expect((await server.http.post('/users/verify-email').send({ token })).status).toBe(204);
      expect((await server.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).emailVerified).toBe(true);
      expect((await server.http.post('/users/verify-email').send({ token })).status).toBe(400);

      const withEmail = await signInWith(user, 'openid email');
      const userinfo = await server.http.get('/userinfo').set('authorization', `Bearer ${withEmail.access_token}`);
      expect(userinfo.body).toMatchObject({ email: user.email, email_verified: true });
    });

    it('a link for an address the user no longer has is refused', async () => {
      const user = await aUser(server);
      const { access_token } = await signInWith(user);
      await server.http.post('/users/me/email-verification').set('authorization', `Bearer ${access_token}`);
      const token = linkToken(await mailTo(user.email, 'Confirm your email address'), '/account/verify-email');
      await server.dataSource.getRepository(User).update({ id: user.id }, { email: `changed-${user.email}` });
      expect((await server.http.post('/users/verify-email').send({ token })).status).toBe(400);
      expect((await server.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).emailVerified).toBe(false);
    });

    it('an unknown token is refused', async () => {
      const response = await server.http.post('/users/verify-email').send({ token: 'x'.repeat(43) });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ message: 'The verification link is invalid, used or expired' });
    });
  });
});
