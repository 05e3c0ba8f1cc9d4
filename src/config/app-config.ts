import type { SigningAlgorithm } from '../common/crypto/signing-algorithms';

/** The validated configuration, read once at start; inject it by class. */
export class AppConfig {
  readonly env!: 'development' | 'production' | 'test';
  readonly port!: number;
  readonly host!: string;
  readonly issuer!: string;
  /** Where /metrics is served, apart from the public port. */
  readonly management!: { port: number; host: string };
  readonly database!: DatabaseConfig;
  /** The server's own files (created 0700): the SQLite file's directory unless DATA_DIR says otherwise. */
  readonly dataDirectory!: string;
  readonly redisUrl?: string;
  readonly mail!: MailConfig;
  readonly accessTokenTtlSeconds!: number;
  readonly refreshTokenTtlSeconds!: number;
  readonly session!: SessionConfig;
  readonly signupEnabled!: boolean;
  readonly admin!: { email?: string; password?: string };
  readonly portalClientId!: string;
  readonly logLevel!: string;
  readonly jwtAlgorithm!: SigningAlgorithm;
  readonly passwordGrantApproval!: 'required' | 'open';
  readonly keyEncryptionSecret?: string;
  readonly metricsToken?: string;
  readonly allowQueryToken!: boolean;
  readonly trustProxy!: boolean;
  readonly corsOrigins!: string[];
  readonly redisKeyPrefix!: string;
  readonly bruteForce!: BruteForceConfig;
  readonly rateLimit!: RateLimitConfig;
  readonly quotas!: Quotas;
  readonly http!: HttpTimeouts;
  readonly requestTimeoutMs!: number;
  readonly shutdownDrainMs!: number;
  readonly identityProviderTimeoutMs!: number;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'mysql'; host: string; port: number; username: string; password: string; database: string };

export interface MailConfig {
  /** SMTP when set; otherwise each mail is an .eml file in `directory`. */
  smtpUrl?: string;
  directory: string;
  from: string;
}

/** Browser sessions: the idle and the absolute lifetime, in seconds. */
export interface SessionConfig {
  idleSeconds: number;
  absoluteSeconds: number;
}

export interface BruteForceConfig {
  freeAttempts: number;
  /** Per (account, address) pair. */
  lockAfter: number;
  /** Per account, for every address; each address adds at most `lockAfter`. */
  accountLockAfter: number;
  lockSeconds: number;
  ipLockAfter: number;
  baseDelayMs: number;
  maxDelayMs: number;
  resetSeconds: number;
}

/** How long a client may take to send a request, and to stay idle between two (see security/server-timeouts.ts). */
export interface HttpTimeouts {
  headersTimeoutMs: number;
  receiveTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export interface RateLimitConfig {
  enabled: boolean;
  windowSeconds: number;
  oauthPerAddress: number;
  oauthPerClient: number;
  signupPerAddress: number;
  portalPerAddress: number;
  writesPerUser: number;
}

/** The most rows one owner may hold; past it a create answers 409 (delete one first). */
export interface Quotas {
  appsPerUser: number;
  appsPerOrganization: number;
  contactsPerUser: number;
}
