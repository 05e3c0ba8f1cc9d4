import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { dirname, join } from 'node:path';
import { AppConfig, DatabaseConfig } from './app-config';
import { Environment } from './environment';

export const DEFAULT_SQLITE_PATH = 'data/oauth.sqlite';

/** Thrown for a bad environment; its message is one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = plainToInstance(Environment, present, { enableImplicitConversion: true, exposeDefaultValues: true });
  const [firstError] = validateSync(parsed, { whitelist: false, skipMissingProperties: false });
  if (firstError) {
    const reason = Object.values(firstError.constraints ?? {})[0] ?? 'is invalid';
    const shown = describeValue(firstError.property, present[firstError.property]);
    throw new ConfigError(
      `Invalid configuration: ${firstError.property} ${stripProperty(reason, firstError.property)}${shown}`,
    );
  }
  if (parsed.HTTP_HEADERS_TIMEOUT_MS > parsed.HTTP_RECEIVE_TIMEOUT_MS) {
    // Node refuses a headers timeout longer than the whole request's: say so in our words, at start.
    throw new ConfigError(
      'Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_RECEIVE_TIMEOUT_MS (the headers are part of the request)',
    );
  }
  const database = parseDatabaseUrl(parsed.DATABASE_URL);
  const dataDirectory =
    parsed.DATA_DIR ?? (database.type === 'sqlite' && database.path !== ':memory:' ? dirname(database.path) : 'data');
  const issuer = (parsed.ISSUER ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, '');
  return new AppConfig({
    env: (parsed.NODE_ENV as AppConfig['env'] | undefined) ?? 'development',
    port: parsed.PORT,
    host: parsed.HOST,
    issuer,
    management: { port: parsed.MANAGEMENT_PORT, host: parsed.MANAGEMENT_HOST },
    database,
    dataDirectory,
    redisUrl: parsed.REDIS_URL,
    mail: {
      smtpUrl: parsed.SMTP_URL,
      directory: parsed.MAIL_DIR ?? join(dataDirectory, 'mail'),
      from: parsed.MAIL_FROM ?? `no-reply@${new URL(issuer).hostname}`,
    },
    accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL,
    refreshTokenTtlSeconds: parsed.REFRESH_TOKEN_TTL,
    session: { idleSeconds: parsed.SESSION_IDLE_TTL, absoluteSeconds: parsed.SESSION_ABSOLUTE_TTL },
    signupEnabled: parsed.SIGNUP_ENABLED,
    admin: { email: parsed.ADMIN_EMAIL?.toLowerCase(), password: parsed.ADMIN_PASSWORD },
    portalClientId: parsed.PORTAL_CLIENT_ID,
    logLevel: parsed.LOG_LEVEL,
    jwtAlgorithm: parsed.JWT_ALG as AppConfig['jwtAlgorithm'],
    passwordGrantApproval: parsed.PASSWORD_GRANT_APPROVAL as AppConfig['passwordGrantApproval'],
    keyEncryptionSecret: parsed.KEY_ENCRYPTION_SECRET,
    metricsToken: parsed.METRICS_TOKEN,
    allowQueryToken: parsed.ALLOW_QUERY_TOKEN,
    trustProxy: parsed.TRUST_PROXY,
    corsOrigins: parsed.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    redisKeyPrefix: parsed.REDIS_KEY_PREFIX,
    bruteForce: {
      freeAttempts: parsed.BRUTE_FORCE_FREE_ATTEMPTS,
      lockAfter: parsed.BRUTE_FORCE_LOCK_AFTER,
      accountLockAfter: accountLockAfter(parsed),
      lockSeconds: parsed.BRUTE_FORCE_LOCK_SECONDS,
      ipLockAfter: parsed.BRUTE_FORCE_IP_LOCK_AFTER,
      baseDelayMs: parsed.BRUTE_FORCE_BASE_DELAY_MS,
      maxDelayMs: parsed.BRUTE_FORCE_MAX_DELAY_MS,
      resetSeconds: parsed.BRUTE_FORCE_RESET_SECONDS,
    },
    rateLimit: {
      enabled: parsed.RATE_LIMIT_ENABLED,
      windowSeconds: parsed.RATE_LIMIT_WINDOW_SECONDS,
      oauthPerAddress: parsed.RATE_LIMIT_OAUTH_PER_ADDRESS,
      oauthPerClient: parsed.RATE_LIMIT_OAUTH_PER_CLIENT,
      signupPerAddress: parsed.RATE_LIMIT_SIGNUP_PER_ADDRESS,
      portalPerAddress: parsed.RATE_LIMIT_PORTAL_PER_ADDRESS,
      writesPerUser: parsed.RATE_LIMIT_WRITES_PER_USER,
    },
    quotas: {
      appsPerUser: parsed.QUOTA_APPS_PER_USER,
      appsPerOrganization: parsed.QUOTA_APPS_PER_ORG,
      contactsPerUser: parsed.QUOTA_CONTACTS_PER_USER,
    },
    http: {
      headersTimeoutMs: parsed.HTTP_HEADERS_TIMEOUT_MS,
      receiveTimeoutMs: parsed.HTTP_RECEIVE_TIMEOUT_MS,
      keepAliveTimeoutMs: parsed.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    requestTimeoutMs: parsed.REQUEST_TIMEOUT_MS,
    shutdownDrainMs: parsed.SHUTDOWN_DRAIN_MS,
    identityProviderTimeoutMs: parsed.IDP_HTTP_TIMEOUT_MS,
  });
}

/** The account-wide threshold must exceed what one address can add (BRUTE_FORCE_LOCK_AFTER), or one address could lock an account for all. */
function accountLockAfter(parsed: Environment): number {
  const threshold = parsed.BRUTE_FORCE_ACCOUNT_LOCK_AFTER ?? 5 * parsed.BRUTE_FORCE_LOCK_AFTER;
  if (threshold <= parsed.BRUTE_FORCE_LOCK_AFTER) {
    throw new ConfigError(
      `Invalid configuration: BRUTE_FORCE_ACCOUNT_LOCK_AFTER must be greater than BRUTE_FORCE_LOCK_AFTER (${parsed.BRUTE_FORCE_LOCK_AFTER})`,
    );
  }
  return threshold;
}

export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (!url) return { type: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path)
      throw new ConfigError('Invalid configuration: DATABASE_URL sqlite: needs a file path (sqlite:data/oauth.sqlite)');
    return { type: 'sqlite', path };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('Invalid configuration: DATABASE_URL is not a URL (expected mysql://user:pass@host:port/db)');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!['mysql:', 'mariadb:'].includes(parsed.protocol) || !parsed.hostname || !database) {
    throw new ConfigError('Invalid configuration: DATABASE_URL must be mysql://user:pass@host:port/db or sqlite:path');
  }
  return {
    type: 'mysql',
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    username: decodeURIComponent(parsed.username) || 'root',
    password: decodeURIComponent(parsed.password),
    database,
  };
}

function stripProperty(reason: string, property: string): string {
  return reason.startsWith(property) ? reason.slice(property.length).trim() : reason;
}

const SECRET_VARIABLES = new Set([
  'ADMIN_PASSWORD',
  'KEY_ENCRYPTION_SECRET',
  'METRICS_TOKEN',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
]);

function describeValue(property: string, value: string | undefined): string {
  if (value === undefined || SECRET_VARIABLES.has(property)) return '';
  return ` (got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)})`;
}
