import { MetricsService } from './metrics.service';

describe('MetricsService', () => {
  it('counts requests per method, route and status beside their durations, on every scrape', async () => {
    const metrics = new MetricsService();
    metrics.observeRequest('GET', '/health', 200, 0.002);
    metrics.observeRequest('GET', '/health', 200, 0.3);
    metrics.observeRequest('POST', '/oauth/token', 400, 0.004);

    const first = await metrics.render();
    expect(first).toContain('http_requests_total{method="GET",route="/health",status="200"} 2');
    expect(first).toContain('http_requests_total{method="POST",route="/oauth/token",status="400"} 1');
    expect(first).toContain('http_request_duration_seconds_count{method="GET",route="/health",status="200"} 2');
    expect(first).toContain('http_request_duration_seconds_bucket{le="0.0025",method="GET",route="/health",status="200"} 1');

    metrics.observeRequest('GET', '/health', 200, 0.001);
    const second = await metrics.render();
    expect(second).toContain('http_requests_total{method="GET",route="/health",status="200"} 3');
    expect(second).toContain('http_requests_total{method="POST",route="/oauth/token",status="400"} 1');
  });
});
