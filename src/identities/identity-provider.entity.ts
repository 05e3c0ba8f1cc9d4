import { Column, Entity, PrimaryColumn } from 'typeorm';
import { spaceDelimited } from '../common/columns/space-delimited.transformer';
import { CreatedAtColumn, UpdatedAtColumn } from '../common/columns/timestamp-columns';

export const IDENTITY_PROVIDER_TYPES = ['oidc', 'facebook'] as const;
export type IdentityProviderType = (typeof IDENTITY_PROVIDER_TYPES)[number];

/** An external identity provider whose credentials the token exchange and jwt-bearer grants accept. */
@Entity('identity_providers')
export class IdentityProvider {
  /** The admin-chosen name; `subject_issuer` for opaque tokens, and half of every external identity's key. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  alias!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: IdentityProviderType;

  /** `oidc`: the exact `iss` of its tokens (unique: a token's issuer finds one provider). */
  @Column({ type: 'varchar', length: 500, nullable: true, unique: true })
  issuer!: string | null;

  /** `oidc`: null means the `jwks_uri` of `{issuer}/.well-known/openid-configuration`. */
  @Column({ name: 'jwks_uri', type: 'varchar', length: 500, nullable: true })
  jwksUri!: string | null;

  /** Accepted `aud` values: our app's client ids at the provider (and optionally our own issuer URLs). */
  @Column({ type: 'varchar', length: 2000, transformer: spaceDelimited })
  audiences!: string[];

  /** Whether an unknown identity with a verified, unused email may create a user. */
  @Column({ name: 'create_users', type: 'boolean', default: false })
  createUsers: boolean = false;

  /** `facebook`: the app whose tokens are accepted. */
  @Column({ name: 'app_id', type: 'varchar', length: 100, nullable: true })
  appId!: string | null;

  /** `facebook`: the app secret, AES-256-GCM under KEY_ENCRYPTION_SECRET; never returned. */
  @Column({ name: 'app_secret_encrypted', type: 'text', nullable: true })
  appSecretEncrypted!: string | null;

  /** `facebook`: the Graph API base URL. */
  @Column({ name: 'graph_api_url', type: 'varchar', length: 500, nullable: true })
  graphApiUrl!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
