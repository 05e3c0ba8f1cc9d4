import 'reflect-metadata';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { SIGNING_ALGORITHMS } from '../common/crypto/signing-algorithms';

// Reads the raw string: implicit conversion would already have turned "false" into true.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
  const value = obj[key];
  if (typeof value !== 'string') return value;
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
  if (['false', '0', 'no', 'off', ''].includes(normalized)) return false;
  return value;
};

/** The environment variables the server reads, as documented in `.env.example`. */
export class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsOptional()
  @IsString()
  HOST: string = '0.0.0.0';

  /** The management port: /metrics (and /health). 0 takes any free port (tests). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  MANAGEMENT_PORT: number = 9000;

  /** Where the management port listens: loopback unless a scraper elsewhere must reach it. */
  @IsOptional()
  @IsString()
  MANAGEMENT_HOST: string = '127.0.0.1';

  /** Public base URL; the `iss` of every token. Defaults to http://localhost:PORT. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  ISSUER?: string;

  /** Absent: the embedded SQLite file. `mysql://user:pass@host:port/db` or `sqlite:path`. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  REDIS_URL?: string;

  /** Mail goes out through this SMTP server (smtp:// or smtps://user:pass@host:port); absent: .eml files. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['smtp', 'smtps'] })
  SMTP_URL?: string;

  /** Where the server keeps files (the first admin's generated password); default: the SQLite file's directory, else data/. */
  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  /** Where mail is written as .eml files when SMTP_URL is not set; default: mail/ beside the SQLite file. */
  @IsOptional()
  @IsString()
  MAIL_DIR?: string;

  /** The From address of account mail; default no-reply@ the issuer's host. */
  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL: number = 3600;

  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(31_536_000)
  REFRESH_TOKEN_TTL: number = 1_209_600;

  /** A browser session (single sign-on) ends after this many seconds without use... */
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(31_536_000)
  SESSION_IDLE_TTL: number = 3600;

  /** ...and this many seconds after the sign-in, whatever the use. */
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(31_536_000)
  SESSION_ABSOLUTE_TTL: number = 43_200;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  SIGNUP_ENABLED: boolean = true;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  PORTAL_CLIENT_ID: string = 'portal';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @IsIn([...SIGNING_ALGORITHMS])
  JWT_ALG: string = 'RS256';

  /**
   * `required`: a portal-registered app's password grant signs in its owner only until an admin marks
   * it first_party. `open`: every app that holds the grant signs in every user.
   */
  @IsOptional()
  @IsIn(['required', 'open'])
  PASSWORD_GRANT_APPROVAL: string = 'required';

  @IsOptional()
  @IsString()
  @MinLength(32)
  KEY_ENCRYPTION_SECRET?: string;

  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  ALLOW_QUERY_TOKEN: boolean = false;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY: boolean = false;

  /** Comma-separated allowed origins; empty: CORS off. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS: string = '';

  /** Failed sign-ins per account answered at full speed; later ones wait a growing delay. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  BRUTE_FORCE_FREE_ATTEMPTS: number = 5;

  /** Failed sign-ins on one account from one address that lock that pair for BRUTE_FORCE_LOCK_SECONDS. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  BRUTE_FORCE_LOCK_AFTER: number = 10;

  /**
   * Failed sign-ins on one account, from several addresses, that lock it for every address; each
   * address counts at most BRUTE_FORCE_LOCK_AFTER of them. Default: 5 × BRUTE_FORCE_LOCK_AFTER.
   */
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(1_000_000)
  BRUTE_FORCE_ACCOUNT_LOCK_AFTER?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(604_800)
  BRUTE_FORCE_LOCK_SECONDS: number = 900;

  /** Failed sign-ins from one address (any accounts) that lock the address. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  BRUTE_FORCE_IP_LOCK_AFTER: number = 100;

  /** The first progressive delay; it doubles with each further failure. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  BRUTE_FORCE_BASE_DELAY_MS: number = 500;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  BRUTE_FORCE_MAX_DELAY_MS: number = 8000;

  /** Counters are forgotten this long after the last failure. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_592_000)
  BRUTE_FORCE_RESET_SECONDS: number = 43_200;

  /** Prefix of every Redis key, so several deployments can share one Redis. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  REDIS_KEY_PREFIX: string = 'oauth:';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  RATE_LIMIT_ENABLED: boolean = true;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  @IsOptional()
  @IsInt()
  @Min(1)
  RATE_LIMIT_OAUTH_PER_ADDRESS: number = 600;

  @IsOptional()
  @IsInt()
  @Min(1)
  RATE_LIMIT_OAUTH_PER_CLIENT: number = 6000;

  @IsOptional()
  @IsInt()
  @Min(1)
  RATE_LIMIT_SIGNUP_PER_ADDRESS: number = 60;

  @IsOptional()
  @IsInt()
  @Min(1)
  RATE_LIMIT_PORTAL_PER_ADDRESS: number = 600;

  /**
   * Slow clients (slowloris): the request headers must arrive within HTTP_HEADERS_TIMEOUT_MS and the whole
   * request, body included, within HTTP_RECEIVE_TIMEOUT_MS, or the connection is closed (408); an idle
   * kept-alive connection is closed after HTTP_KEEP_ALIVE_TIMEOUT_MS. An OAuth request is a few hundred
   * bytes: seconds are plenty.
   */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  HTTP_HEADERS_TIMEOUT_MS: number = 10_000;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(300_000)
  HTTP_RECEIVE_TIMEOUT_MS: number = 15_000;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number = 5_000;

  /** Writes (POST/PUT/PATCH/DELETE) one signed-in user may send per window, on every bearer-protected route. */
  @IsOptional()
  @IsInt()
  @Min(1)
  RATE_LIMIT_WRITES_PER_USER: number = 300;

  /** Apps a user may register for themself through the portal. */
  @IsOptional()
  @IsInt()
  @Min(1)
  QUOTA_APPS_PER_USER: number = 50;

  /** Apps an organization may hold. */
  @IsOptional()
  @IsInt()
  @Min(1)
  QUOTA_APPS_PER_ORG: number = 50;

  /** Contacts in one user's address book. */
  @IsOptional()
  @IsInt()
  @Min(1)
  QUOTA_CONTACTS_PER_USER: number = 10_000;

  /** A request still unanswered after this long gets 503 instead of hanging. */
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(300_000)
  REQUEST_TIMEOUT_MS: number = 15_000;

  /**
   * On SIGTERM, how long /health answers 503 while requests are still served, before the server stops
   * accepting: long enough for a load balancer's health checks to take the instance out of rotation.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  SHUTDOWN_DRAIN_MS: number = 0;

  /**
   * The longest wait for an identity provider (discovery document, JWKS, Graph API): past it the
   * exchange answers `temporarily_unavailable` instead of holding the request.
   */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(60_000)
  IDP_HTTP_TIMEOUT_MS: number = 3000;
}
