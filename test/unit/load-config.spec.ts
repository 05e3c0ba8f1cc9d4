import { ConfigError, DEFAULT_SQLITE_PATH, loadConfig } from '../../src/config/load-config';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite file, port 3000 and an issuer on localhost', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ type: 'sqlite', path: DEFAULT_SQLITE_PATH });
    expect(config.port).toBe(3000);
    expect(config.issuer).toBe('http://localhost:3000');
    expect(config.accessTokenTtlSeconds).toBe(3600);
    expect(config.signupEnabled).toBe(true);
    expect(config.jwtAlgorithm).toBe('RS256');
  });

  it('parses a MySQL URL with an encoded password', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://app:p%40ss@db.internal:3307/oauth' });
    expect(config.database).toEqual({
      type: 'mysql',
      host: 'db.internal',
      port: 3307,
      username: 'app',
      password: 'p@ss',
      database: 'oauth',
    });
  });

  it('reads booleans and numbers from strings', () => {
    const config = loadConfig({
      SIGNUP_ENABLED: 'false',
      PORT: '8080',
      ACCESS_TOKEN_TTL: '600',
      CORS_ORIGINS: 'https://a.test, https://b.test',
    });
    expect(config.signupEnabled).toBe(false);
    expect(config.port).toBe(8080);
    expect(config.accessTokenTtlSeconds).toBe(600);
    expect(config.corsOrigins).toEqual(['https://a.test', 'https://b.test']);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT .*"abc"/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT /],
    [{ DATABASE_URL: 'postgres://x@y/z' }, /^Invalid configuration: DATABASE_URL /],
    [{ DATABASE_URL: 'not a url' }, /^Invalid configuration: DATABASE_URL /],
    [{ DATABASE_URL: 'mysql://root@localhost' }, /^Invalid configuration: DATABASE_URL /],
    [{ SIGNUP_ENABLED: 'maybe' }, /^Invalid configuration: SIGNUP_ENABLED /],
    [{ JWT_ALG: 'none' }, /^Invalid configuration: JWT_ALG /],
    [{ ISSUER: 'ftp://x' }, /^Invalid configuration: ISSUER /],
  ])('rejects %j with one line naming the variable', (env, message) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  it('never echoes a secret value in its message', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/^Invalid configuration: ADMIN_PASSWORD/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).not.toThrow(/short"/);
  });

  it("locks an account for every address at five addresses' worth of pair failures unless told, and never at one address's", () => {
    expect(loadConfig({}).bruteForce).toMatchObject({ lockAfter: 10, accountLockAfter: 50 });
    expect(loadConfig({ BRUTE_FORCE_LOCK_AFTER: '3' }).bruteForce.accountLockAfter).toBe(15);
    expect(loadConfig({ BRUTE_FORCE_ACCOUNT_LOCK_AFTER: '12' }).bruteForce.accountLockAfter).toBe(12);
    expect(() => loadConfig({ BRUTE_FORCE_ACCOUNT_LOCK_AFTER: '10' })).toThrow(
      /^Invalid configuration: BRUTE_FORCE_ACCOUNT_LOCK_AFTER must be greater than BRUTE_FORCE_LOCK_AFTER/,
    );
  });
});
