import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { existsSync } from 'node:fs';
import { startTestApp, TestApp } from '../support/test-app';

const itWithChromium = existsSync(CHROMIUM) ? it : it.skip;

describe('HTTP hygiene', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ RATE_LIMIT_SIGNUP_PER_ADDRESS: '2' });
  });
  afterAll(() => server.close());

  it('sends security headers with a CSP on every response, errors included', async () => {
    for (const response of [await server.http.get('/health'), await server.http.get('/no-such-route')]) {
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('leaves CORS off by default', async () => {
    const preflight = await server.http
      .options('/users')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await server.http.get('/health').set('Origin', 'https://evil.example');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over 1 MiB anywhere with 413 in the standard shape', async () => {
    const response = await server.http
      .post('/users')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'big@example.test', password: 'x'.repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Request body is too large',
    });
  });

  it('refuses a body over 64 KiB on the OAuth endpoints with 413 in the OAuth shape', async () => {
    const fits = await server.http
      .post('/oauth/token')
      .type('form')
      .send(`grant_type=client_credentials&client_id=x&pad=${'a'.repeat(60 * 1024)}`);
    expect(fits.status).not.toBe(413);
    const response = await server.http
      .post('/oauth/token')
      .type('form')
      .send(`grant_type=client_credentials&client_id=x&pad=${'a'.repeat(65 * 1024)}`);
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: 'invalid_request', error_description: 'Request body is too large' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('limits sign-ups per address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let limited: { headers: Record<string, string>; body: unknown } | undefined;
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await server.http
        .post('/users')
        .send({ email: `rate-${attempt}@example.test`, password: 'correct horse battery staple' });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited?.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited?.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many requests; try again later',
    });
    // Other areas have their own budget.
    await server.http.get('/health').expect(200);
  });

  itWithChromium(
    'still lets Swagger UI at /docs run under the CSP',
    async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        const violations: string[] = [];
        page.on('console', (message) => {
          if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
        });
        await page.goto(`${server.url}/docs`);
        await page.waitForSelector('.swagger-ui .info .title', { timeout: 15_000 });
        expect(await page.textContent('.swagger-ui .info .title')).toContain('OAuth 2.0 Authorization Server');
        await page.waitForSelector('.opblock', { timeout: 15_000 });
        expect(violations).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    30_000,
  );
});

describe('CORS when origins are configured', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ CORS_ORIGINS: 'https://app.example, https://other.example' });
  });
  afterAll(() => server.close());

  it('allows exactly the listed origins', async () => {
    const allowed = await server.http
      .options('/oauth/token')
      .set('Origin', 'https://app.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');

    const refused = await server.http
      .options('/oauth/token')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});
