import { readdir, readFile, stat } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { loadConfig } from '../../../src/config/load-config';
import { aUser } from '../../factories';
import { eventually } from '../../support/eventually';
import { startTestApp, TestApp } from '../../support/test-app';
import { linkToken } from '../../support/test-smtp-server';

describe('mail without SMTP_URL: RFC 5322 .eml files under MAIL_DIR', () => {
  const parent = mkdtempSync(join(tmpdir(), 'mail-test-'));
  const mailDir = join(parent, 'mail');
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ MAIL_DIR: mailDir }, { captureLogs: true });
  });
  afterAll(async () => {
    await server.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('writes the reset mail as a private .eml file, logs where, and never logs the link', async () => {
    const user = await aUser(server);
    expect((await server.http.post('/users/password-reset').send({ email: user.email })).status).toBe(202);
    expect(await eventually(async () => (await readdir(mailDir)).length === 1, 15_000)).toBe(true);
    const [file] = await readdir(mailDir);
    expect(file).toMatch(/\.eml$/);
    const path = join(mailDir, file);
    expect((await stat(mailDir)).mode & 0o777).toBe(0o700);
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    const mail = await simpleParser(await readFile(path));
    expect(mail.subject).toBe('Reset your password');
    expect(mail.messageId).toBeDefined();
    expect(mail.date).toBeInstanceOf(Date);
    const token = linkToken(mail, '/account/reset-password');
    const logs = server.logs.join('');
    expect(logs).toContain(path);
    expect(logs).not.toContain(token);

    const confirmed = await server.http
      .post('/users/password-reset/confirm')
      .send({ token, password: 'a brand new password' });
    expect(confirmed.status).toBe(204);
  });

  it('defaults to mail/ beside the SQLite database', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/srv/oauth/oauth.sqlite' }).mail.directory).toBe('/srv/oauth/mail');
    expect(loadConfig({}).mail.directory).toBe('data/mail');
  });
});
