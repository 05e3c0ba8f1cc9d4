import { startTestApp, TestApp } from '../../support/test-app';
import { CsrfProbeModule } from '../../support/interaction/csrf-probe.module';

function cookieHeader(setCookie: string | string[] | undefined): string {
  return [setCookie ?? []]
    .flat()
    .map((cookie) => cookie.split(';', 1)[0])
    .join('; ');
}

describe('Page infrastructure', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({}, { extraImports: [CsrfProbeModule] });
  });
  afterAll(() => server.close());

  it('renders pages in the layout with every output escaped and the page security headers', async () => {
    const response = await server.http.get('/account/csrf-probe');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('<title>Probe &lt;b&gt;title&lt;/b&gt;</title>');
    expect(response.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.text).not.toContain('<script');
    expect(response.text).toContain('<link rel="stylesheet" href="/assets/pages.css">');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves the stylesheet', async () => {
    const response = await server.http.get('/assets/pages.css');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/css/);
  });

  it('answers errors on browser routes with an HTML page, escaping what the request reflected', async () => {
    const response = await server.http.get('/account/<script>alert(1)</script>');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('Request refused');
    expect(response.text).not.toContain('<script>');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('keeps JSON errors elsewhere', async () => {
    const response = await server.http.get('/no-such-route');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  describe('CSRF on browser forms', () => {
    it('accepts a post carrying the token of the secret cookie', async () => {
      const page = await server.http.get('/account/csrf-probe');
      const response = await server.http
        .post('/account/csrf-probe')
        .set('Cookie', cookieHeader(page.headers['set-cookie']))
        .type('form')
        .send({ _csrf: page.headers['x-csrf-probe-token'] });
      expect(response.status).toBe(204);
    });

    it('refuses a post without the secret cookie with a 403 page', async () => {
      const page = await server.http.get('/account/csrf-probe');
      const response = await server.http
        .post('/account/csrf-probe')
        .type('form')
        .send({ _csrf: page.headers['x-csrf-probe-token'] });
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('The form has expired');
    });

    it('refuses a post with a wrong or missing token', async () => {
      const page = await server.http.get('/account/csrf-probe');
      const cookie = cookieHeader(page.headers['set-cookie']);
      for (const form of [{ _csrf: 'forged' }, {}]) {
        const response = await server.http.post('/account/csrf-probe').set('Cookie', cookie).type('form').send(form);
        expect(response.status).toBe(403);
        expect(response.text).toContain('The form has expired');
      }
    });

    it('does not accept the token of another browser', async () => {
      const mine = await server.http.get('/account/csrf-probe');
      const theirs = await server.http.get('/account/csrf-probe');
      const response = await server.http
        .post('/account/csrf-probe')
        .set('Cookie', cookieHeader(mine.headers['set-cookie']))
        .type('form')
        .send({ _csrf: theirs.headers['x-csrf-probe-token'] });
      expect(response.status).toBe(403);
    });
  });
});
