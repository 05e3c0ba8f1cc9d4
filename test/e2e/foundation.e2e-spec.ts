import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

describe('foundation: health, docs, metrics and error shapes', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });
  afterAll(() => server.close());

  it('GET /health is 200 with the database up', async () => {
    const response = await server.http.get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.database.status).toBe('up');
  });

  it('serves Swagger UI at /docs and the OpenAPI document at /docs-json', async () => {
    const page = await server.http.get('/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
    const document = await server.http.get('/docs-json').expect(200);
    expect(document.body.info.title).toBe('OAuth 2.0 Authorization Server');
    expect(document.body.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(document.body.paths['/health']).toBeDefined();
  });

  it('exposes Prometheus metrics on the management port with request counts by route template and status', async () => {
    await server.http.get('/health').expect(200);
    await server.http.get('/no/such/route').expect(404);
    const metrics = await request(server.managementUrl).get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.text).toMatch(/http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
    expect(metrics.text).not.toContain('/no/such/route');
  });

  it('keeps /metrics off the public port, and answers /health on both', async () => {
    const hidden = await server.http.get('/metrics').expect(404);
    expect(hidden.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    expect(hidden.text).not.toContain('process_cpu');
    const health = await request(server.managementUrl).get('/health').expect(200);
    expect(health.body.info.database.status).toBe('up');
    const unknown = await request(server.managementUrl).get('/docs').expect(404);
    expect(unknown.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('binds the management port to MANAGEMENT_HOST, loopback by default', () => {
    expect(server.config.management.host).toBe('127.0.0.1');
    expect(new URL(server.managementUrl).hostname).toBe('127.0.0.1');
    expect(new URL(server.managementUrl).port).not.toBe(new URL(server.url).port);
  });

  it('renders an unknown route in the standard error shape', async () => {
    const response = await server.http.get('/no/such/route').expect(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('echoes a safe request id and makes one otherwise', async () => {
    const echoed = await server.http.get('/health').set('x-request-id', 'abc-123');
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const made = await server.http.get('/health').set('x-request-id', 'bad id; with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('guards /metrics with a token when one is configured', async () => {
    const guarded = await startTestApp({ METRICS_TOKEN: 'metrics-token-0123456789' });
    try {
      const management = request(guarded.managementUrl);
      const refused = await management.get('/metrics').expect(401);
      expect(refused.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
      await management.get('/metrics').set('authorization', 'Bearer wrong-token-0123456789').expect(401);
      await management.get('/metrics').set('authorization', 'Bearer metrics-token-0123456789').expect(200);
    } finally {
      await guarded.close();
    }
  });
});
