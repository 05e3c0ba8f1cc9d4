import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { TtlCache } from '../common/cache/ttl-cache';
import { AtRestCipher } from '../common/crypto/at-rest-cipher';
import { ConflictError, DomainError, NotFoundError } from '../common/errors/domain.error';
import { isUniqueViolation } from '../common/errors/unique-violation';
import type { Page } from '../common/pagination/pagination.dto';
import { AppConfig } from '../config/app-config';
import { ExternalIdentitiesRepository } from './external-identities.repository';
import { IdentityProvider, type IdentityProviderType } from './identity-provider.entity';
import { IdentityProvidersRepository } from './identity-providers.repository';
import { providerUrlViolation } from './provider-url-policy';

export const DEFAULT_GRAPH_API_URL = 'https://graph.facebook.com';

/** What an admin may set; `undefined` leaves a field as it is, `jwksUri: null` returns to discovery. */
export interface IdentityProviderChanges {
  issuer?: string;
  jwksUri?: string | null;
  audiences?: string[];
  createUsers?: boolean;
  appId?: string;
  /** Write-only: stored encrypted, never returned. */
  appSecret?: string;
  graphApiUrl?: string;
}

export interface NewIdentityProvider extends IdentityProviderChanges {
  alias: string;
  type: IdentityProviderType;
}

/**
 * How long a provider looked up by issuer or alias is served from memory: every exchange looks one up.
 * A change made through this instance empties the cache at once; another instance's within this bound.
 */
const PROVIDER_CACHE_TTL_MS = 5_000;
const PROVIDER_CACHE_SIZE = 200;

/** The rules of identity provider records: shapes per type, URL policy, the encrypted app secret. */
@Injectable()
export class IdentityProvidersService {
  private readonly cipher?: AtRestCipher;
  private readonly allowHttp: boolean;
  private readonly byKey = new TtlCache<IdentityProvider>(PROVIDER_CACHE_TTL_MS, PROVIDER_CACHE_SIZE);

  constructor(
    config: AppConfig,
    private readonly providers: IdentityProvidersRepository,
    private readonly identities: ExternalIdentitiesRepository,
    private readonly audit: AuditService,
  ) {
    if (config.keyEncryptionSecret) this.cipher = new AtRestCipher(config.keyEncryptionSecret);
    this.allowHttp = new URL(config.issuer).protocol === 'http:';
  }

  list(limit: number, offset: number): Promise<Page<IdentityProvider>> {
    return this.providers.list(limit, offset);
  }

  async get(alias: string): Promise<IdentityProvider> {
    const provider = await this.providers.findByAlias(alias);
    if (!provider) throw new NotFoundError('Identity provider');
    return provider;
  }

  /** The `oidc` provider whose tokens carry this `iss`; do not mutate the result: it is shared. */
  findByIssuer(issuer: string): Promise<IdentityProvider | null> {
    return this.byKey.getOrLoad(`iss:${issuer}`, () => this.providers.findByIssuer(issuer));
  }

  /** The provider named by `subject_issuer`; do not mutate the result: it is shared. */
  findByAlias(alias: string): Promise<IdentityProvider | null> {
    return this.byKey.getOrLoad(`alias:${alias}`, () => this.providers.findByAlias(alias));
  }

  /** The decrypted app secret of a `facebook` provider. */
  appSecret(provider: IdentityProvider): string | undefined {
    if (!provider.appSecretEncrypted || !this.cipher) return undefined;
    return this.cipher.decrypt(provider.appSecretEncrypted);
  }

  async create(adminId: string, input: NewIdentityProvider, ip?: string): Promise<IdentityProvider> {
    const provider = new IdentityProvider();
    provider.alias = input.alias;
    provider.type = input.type;
    provider.issuer = null;
    provider.jwksUri = null;
    provider.audiences = [];
    provider.appId = null;
    provider.appSecretEncrypted = null;
    provider.graphApiUrl = input.type === 'facebook' ? DEFAULT_GRAPH_API_URL : null;
    this.apply(provider, input);
    this.assertValid(provider);
    provider.createdAt = provider.updatedAt = new Date();
    try {
      await this.providers.insert(provider);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('An identity provider with this alias or issuer already exists');
      }
      throw error;
    }
    this.byKey.clear();
    await this.audit.record({
      type: 'admin.identity_provider_created',
      actorUserId: adminId,
      subject: provider.alias,
      ip,
      details: auditDetails(input),
    });
    return this.get(provider.alias);
  }

  async update(
    adminId: string,
    alias: string,
    changes: IdentityProviderChanges,
    ip?: string,
  ): Promise<IdentityProvider> {
    const current = await this.get(alias);
    const provider = Object.assign(new IdentityProvider(), current);
    this.apply(provider, changes);
    this.assertValid(provider);
    // Subjects are only unique within one issuer (OIDC Core §2) or one Facebook app: pointing linked
    // identities at another one would sign their users in as whoever has the same subject there.
    const rebinds = provider.issuer !== current.issuer || provider.appId !== current.appId;
    if (rebinds && (await this.identities.countForProvider(alias)) > 0) {
      throw new ConflictError(
        'The issuer or app of a provider with linked identities cannot change; create a new provider instead',
      );
    }
    try {
      await this.providers.update(alias, {
        issuer: provider.issuer,
        jwksUri: provider.jwksUri,
        audiences: provider.audiences,
        createUsers: provider.createUsers,
        appId: provider.appId,
        appSecretEncrypted: provider.appSecretEncrypted,
        graphApiUrl: provider.graphApiUrl,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('Another identity provider has this issuer');
      throw error;
    }
    this.byKey.clear();
    await this.audit.record({
      type: 'admin.identity_provider_updated',
      actorUserId: adminId,
      subject: alias,
      ip,
      details: auditDetails(changes),
    });
    return this.get(alias);
  }

  async delete(adminId: string, alias: string, ip?: string): Promise<void> {
    await this.get(alias);
    await this.providers.delete(alias);
    this.byKey.clear();
    await this.audit.record({ type: 'admin.identity_provider_deleted', actorUserId: adminId, subject: alias, ip });
  }

  private apply(provider: IdentityProvider, changes: IdentityProviderChanges): void {
    if (changes.issuer !== undefined) provider.issuer = changes.issuer;
    if (changes.jwksUri !== undefined) provider.jwksUri = changes.jwksUri;
    if (changes.audiences !== undefined) provider.audiences = [...new Set(changes.audiences)];
    if (changes.createUsers !== undefined) provider.createUsers = changes.createUsers;
    if (changes.appId !== undefined) provider.appId = changes.appId;
    if (changes.graphApiUrl !== undefined) provider.graphApiUrl = changes.graphApiUrl;
    if (changes.appSecret !== undefined) {
      if (!this.cipher) {
        throw new DomainError(
          'bad_request',
          'Storing app_secret needs KEY_ENCRYPTION_SECRET in the server configuration',
        );
      }
      provider.appSecretEncrypted = this.cipher.encrypt(changes.appSecret);
    }
  }

  private assertValid(provider: IdentityProvider): void {
    const violation = this.shapeViolation(provider) ?? this.urlViolation(provider);
    if (violation) throw new DomainError('bad_request', violation);
  }

  private shapeViolation(provider: IdentityProvider): string | undefined {
    switch (provider.type) {
      case 'oidc':
        if (!provider.issuer) return 'issuer is required for an oidc provider';
        if (provider.audiences.length === 0)
          return 'audiences must name at least one accepted aud for an oidc provider';
        if (provider.appId || provider.appSecretEncrypted || provider.graphApiUrl) {
          return 'app_id, app_secret and graph_api_url are for facebook providers only';
        }
        return undefined;
      case 'facebook':
        if (!provider.appId) return 'app_id is required for a facebook provider';
        if (!provider.appSecretEncrypted) return 'app_secret is required for a facebook provider';
        if (provider.issuer || provider.jwksUri) return 'issuer and jwks_uri are for oidc providers only';
        return undefined;
    }
  }

  private urlViolation(provider: IdentityProvider): string | undefined {
    const { allowHttp } = this;
    return (
      (provider.issuer ? providerUrlViolation('issuer', provider.issuer, { allowHttp, isIssuer: true }) : undefined) ??
      (provider.jwksUri ? providerUrlViolation('jwks_uri', provider.jwksUri, { allowHttp }) : undefined) ??
      (provider.graphApiUrl ? providerUrlViolation('graph_api_url', provider.graphApiUrl, { allowHttp }) : undefined)
    );
  }
}

/** What the audit log keeps of a change: every field but the secret, which is only said to have changed. */
function auditDetails(changes: IdentityProviderChanges): Record<string, unknown> {
  const { appSecret, ...rest } = changes;
  return { ...rest, ...(appSecret !== undefined ? { app_secret_changed: true } : {}) };
}
