/** The validated configuration, read once at start; inject it by class. */
export class AppConfig {
  readonly env!: 'development' | 'production' | 'test';
  readonly port!: number;
  readonly host!: string;
  readonly issuer!: string;
  readonly database!: DatabaseConfig;
  readonly redisUrl?: string;
  readonly accessTokenTtlSeconds!: number;
  readonly refreshTokenTtlSeconds!: number;
  readonly signupEnabled!: boolean;
  readonly admin!: { email?: string; password?: string };
  readonly portalClientId!: string;
  readonly logLevel!: string;
  readonly jwtAlgorithm!: 'RS256' | 'ES256' | 'EdDSA';
  readonly keyEncryptionSecret?: string;
  readonly metricsToken?: string;
  readonly allowQueryToken!: boolean;
  readonly trustProxy!: boolean;
  readonly corsOrigins!: string[];

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'mysql'; host: string; port: number; username: string; password: string; database: string };
