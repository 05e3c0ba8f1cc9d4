import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../common/columns/timestamp-columns';
import { spaceDelimited } from '../common/columns/space-delimited.transformer';

@Entity('clients')
export class Client {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();

  /** The public, URL-safe identifier clients send. */
  @Column({ name: 'client_id', type: 'varchar', length: 64, unique: true })
  clientId!: string;

  /** Hex SHA-256 of the secret; null for public clients. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 64, nullable: true })
  secretHash: string | null = null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The registering user; null for clients made by the server itself (the portal client). */
  @Column({ name: 'owner_id', type: 'varchar', length: 36, nullable: true })
  ownerId: string | null = null;

  /** The organization that owns this app instead of a user (an org app); it signs in only that org's members. */
  @Column({ name: 'organization_id', type: 'varchar', length: 36, nullable: true })
  organizationId: string | null = null;

  @Column({ type: 'boolean', default: true })
  confidential: boolean = true;

  @Column({ name: 'grant_types', type: 'varchar', length: 500, transformer: spaceDelimited })
  grantTypes: string[] = [];

  @Column({ type: 'varchar', length: 2000, transformer: spaceDelimited })
  scopes: string[] = [];

  /** Where /oauth/authorize may send the browser back, matched exactly (RFC 6749 §3.1.2, RFC 8252 §7.3). */
  @Column({ name: 'redirect_uris', type: 'text', nullable: true, transformer: spaceDelimited })
  redirectUris: string[] = [];

  /** Where /oauth/logout may send the browser after signing out (RP-Initiated Logout 1.0 §3). */
  @Column({ name: 'post_logout_redirect_uris', type: 'text', nullable: true, transformer: spaceDelimited })
  postLogoutRedirectUris: string[] = [];

  @Column({ name: 'access_token_ttl', type: 'int', nullable: true })
  accessTokenTtlSeconds: number | null = null;

  @Column({ name: 'refresh_token_ttl', type: 'int', nullable: true })
  refreshTokenTtlSeconds: number | null = null;

  /** Admin-granted: may introspect tokens issued to any client (RFC 7662). */
  @Column({ name: 'can_introspect', type: 'boolean', default: false })
  canIntrospect: boolean = false;

  /** Admin-approved (only admins set it): the password grant works for every user, consent is skipped. */
  @Column({ name: 'first_party', type: 'boolean', default: false })
  firstParty: boolean = false;

  @Column({ type: 'boolean', default: false })
  disabled: boolean = false;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
