import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_BUILD_DIRECTORY } from '../../src/portal/serve-portal';
import { startTestApp, TestApp } from '../support/test-app';

/** The built single-page app (npm run build) as the server serves it. */
describe('the portal at /portal/', () => {
  let server: TestApp;
  const [script] = readdirSync(join(PORTAL_BUILD_DIRECTORY, 'assets')).filter((name) => name.endsWith('.js'));

  beforeAll(async () => {
    server = await startTestApp();
  });
  afterAll(() => server.close());

  it('sends GET / to /portal/', async () => {
    const response = await server.http.get('/');
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/portal/');
  });

  it('serves index.html revalidated on each load, under a CSP that allows nothing inline and no framing', async () => {
    const response = await server.http.get('/portal/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toContain(`/portal/assets/${script}`);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.text).not.toContain('<style');
  });

  it('caches hashed assets for a year, immutable', async () => {
    const response = await server.http.get(`/portal/assets/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers client-side routes and the callback with index.html, and a missing asset with 404', async () => {
    for (const path of ['/portal/apps/abc', '/portal/callback?code=x&state=y', '/portal/admin/users']) {
      const response = await server.http.get(path);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<div id="root">');
    }
    const missing = await server.http.get('/portal/assets/index-00000000.js');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404 });
  });

  it('gives the app its client id', async () => {
    const response = await server.http.get('/portal/settings.json');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ client_id: server.config.portalClientId });
  });

  it('leaves the API’s own policy alone', async () => {
    const response = await server.http.get('/.well-known/oauth-authorization-server');
    expect(response.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
  });
});
