import 'reflect-metadata';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

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
  @IsIn(['RS256', 'ES256', 'EdDSA'])
  JWT_ALG: string = 'RS256';

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
}
