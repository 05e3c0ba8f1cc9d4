import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { Environment } from '../../src/config/environment';

const root = join(__dirname, '../..');

/** The variables the server reads: every validated property of Environment. */
function knownVariables(): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(Environment, '', true, false);
  return new Set(metadata.map((entry) => entry.propertyName));
}

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  healthcheck?: unknown;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, ComposeService>;
  };

  it('runs MySQL 8.4 with a healthcheck and a volume, and Redis', () => {
    expect(compose.services.mysql.image).toMatch(/^mysql:8\.4/);
    expect(compose.services.mysql.healthcheck).toBeDefined();
    expect(compose.services.mysql.volumes?.length).toBeGreaterThan(0);
    expect(compose.services.redis.image).toMatch(/^redis/);
  });

  const instances = ['app1', 'app2', 'app3'].map((name) => compose.services[name]);

  it('builds three instances of the server from the Dockerfile, each waiting for a healthy MySQL', () => {
    for (const server of instances) {
      expect(server.build).toBeDefined();
      expect(server.depends_on?.mysql.condition).toBe('service_healthy');
    }
  });

  it('passes the servers only variables they read, pointing at the compose services, with one shared key secret', () => {
    const known = knownVariables();
    for (const server of instances) {
      const environment = server.environment ?? {};
      for (const name of Object.keys(environment)) expect(known).toContain(name);
      expect(environment.DATABASE_URL).toMatch(/^mysql:\/\/.+@mysql:3306\//);
      expect(environment.REDIS_URL).toMatch(/^redis:\/\/redis:6379/);
      expect(environment.KEY_ENCRYPTION_SECRET).toBeTruthy();
    }
  });

  it('puts HAProxy in front, with deploy/haproxy.cfg and every instance as a backend', () => {
    const haproxy = compose.services.haproxy;
    expect(haproxy.image).toMatch(/^haproxy:/);
    expect(haproxy.volumes).toContain('./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    expect(Object.values(haproxy.environment ?? {})).toEqual(
      expect.arrayContaining(['app1:3000', 'app2:3000', 'app3:3000']),
    );
  });

  it('.env.example documents every variable the server reads, and only those', () => {
    const documented = readFileSync(join(root, '.env.example'), 'utf8')
      .split('\n')
      .map((line) => /^#?\s*([A-Z][A-Z0-9_]+)=/.exec(line)?.[1])
      .filter((name): name is string => Boolean(name));
    expect(new Set(documented)).toEqual(knownVariables());
  });

  it('the Dockerfile is multi-stage and runs as a non-root user with production dependencies', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER (?!root)\w+/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });
});
