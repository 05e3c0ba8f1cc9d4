import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { TokenCutoffs } from '../revocation/token-cutoffs.service';
import { Client } from '../clients/client.entity';
import { ClientChanges, ClientsRepository } from '../clients/clients.repository';
import { generateIdentifier, generateSecret, sha256Hex } from '../common/crypto/secrets';
import { ConflictError, DomainError, NotFoundError } from '../common/errors/domain.error';
import type { Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { RefreshTokensRepository } from '../refresh-tokens/refresh-tokens.repository';
import { ScopesService } from '../scopes/scopes.service';
import { AppConfig } from '../config/app-config';
import { checkClientRedirects, checkClientScopes, checkGrantTypes, DEFAULT_GRANT_TYPES } from './client-rules';
import type { CreateClientDto } from './dto/create-client.dto';
import type { UpdateClientDto } from './dto/update-client.dto';

export interface ClientWithSecret {
  client: Client;
  /** The plain secret, for the one response that shows it; undefined for public clients. */
  secret: string | undefined;
}

/** The developer portal: a user registers and manages their own apps; another user's app does not exist for them. */
@Injectable()
export class ClientRegistrationService {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly scopes: ScopesService,
    private readonly audit: AuditService,
    private readonly cutoffs: TokenCutoffs,
    private readonly config: AppConfig,
  ) {}

  register(ownerId: string, body: CreateClientDto, ip?: string): Promise<ClientWithSecret> {
    return this.insert({ ownerId, organizationId: null }, ownerId, body, ip);
  }

  /** An org app: owned by the organization, not by the member who registers it. */
  registerForOrganization(
    organizationId: string,
    actorUserId: string,
    body: CreateClientDto,
    ip?: string,
  ): Promise<ClientWithSecret> {
    return this.insert({ ownerId: null, organizationId }, actorUserId, body, ip);
  }

  listForOrganization(organizationId: string, page: PaginationQueryDto): Promise<Page<Client>> {
    return this.clients.list({ organizationId, limit: page.limit, offset: page.offset });
  }

  private async insert(
    owner: Pick<Client, 'ownerId' | 'organizationId'>,
    actorUserId: string,
    body: CreateClientDto,
    ip: string | undefined,
  ): Promise<ClientWithSecret> {
    const confidential = body.confidential ?? true;
    const grantTypes = body.grant_types ?? [...DEFAULT_GRANT_TYPES];
    checkGrantTypes(grantTypes, confidential);
    const redirectUris = body.redirect_uris ?? [];
    const postLogoutRedirectUris = body.post_logout_redirect_uris ?? [];
    checkClientRedirects({ grantTypes, redirectUris, postLogoutRedirectUris }, this.issuerIsHttp());
    const scopes = body.scopes ?? (await this.scopes.findDefaults()).filter((s) => !s.adminOnly).map((s) => s.name);
    checkClientScopes(scopes, await this.scopes.findByNames(scopes), false);

    const secret = confidential ? generateSecret() : undefined;
    const client = new Client();
    client.clientId = generateIdentifier();
    client.secretHash = secret === undefined ? null : sha256Hex(secret);
    client.name = body.name;
    client.ownerId = owner.ownerId;
    client.organizationId = owner.organizationId;
    client.confidential = confidential;
    client.grantTypes = grantTypes;
    client.scopes = scopes;
    client.redirectUris = redirectUris;
    client.postLogoutRedirectUris = postLogoutRedirectUris;
    // Apps per user (QUOTA_APPS_PER_USER) and per organization (QUOTA_APPS_PER_ORG): a bound on what one
    // account can make the server store.
    const { quotas } = this.config;
    const limit = owner.organizationId ? quotas.appsPerOrganization : quotas.appsPerUser;
    if (!(await this.clients.insertWithin(limit, client))) {
      const who = owner.organizationId ? 'An organization' : 'An account';
      throw new ConflictError(`${who} may register at most ${limit} apps; delete one first`);
    }
    await this.audit.record({
      type: 'client.created',
      actorUserId,
      subject: client.clientId,
      clientId: client.clientId,
      ip,
      details: {
        confidential,
        grant_types: grantTypes,
        scopes,
        redirect_uris: redirectUris,
        ...(owner.organizationId ? { organization_id: owner.organizationId } : {}),
      },
    });
    const stored = await this.clients.findById(client.id);
    if (!stored) throw new NotFoundError('Client');
    return { client: stored, secret };
  }

  list(ownerId: string, page: PaginationQueryDto): Promise<Page<Client>> {
    return this.clients.list({ ownerId, limit: page.limit, offset: page.offset });
  }

  async getOwn(ownerId: string, clientId: string): Promise<Client> {
    const client = await this.clients.findByClientId(clientId, ownerId);
    // 404, not 403: someone else's app is indistinguishable from no app.
    if (!client) throw new NotFoundError('Client');
    return client;
  }

  async update(ownerId: string, clientId: string, body: UpdateClientDto, ip?: string): Promise<Client> {
    const client = await this.getOwn(ownerId, clientId);
    if (body.grant_types) checkGrantTypes(body.grant_types, client.confidential);
    if (body.scopes) checkClientScopes(body.scopes, await this.scopes.findByNames(body.scopes), false);
    const changes: ClientChanges = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.grant_types) changes.grantTypes = body.grant_types;
    if (body.scopes) changes.scopes = body.scopes;
    if (body.redirect_uris) changes.redirectUris = body.redirect_uris;
    if (body.post_logout_redirect_uris) changes.postLogoutRedirectUris = body.post_logout_redirect_uris;
    checkClientRedirects({ ...client, ...changes }, this.issuerIsHttp());
    if (Object.keys(changes).length > 0) {
      await this.clients.update(client.id, changes, ownerId);
      await this.audit.record({
        type: 'client.updated',
        actorUserId: ownerId,
        subject: client.clientId,
        clientId: client.clientId,
        ip,
        details: { fields: Object.keys(body).filter((key) => body[key as keyof UpdateClientDto] !== undefined) },
      });
    }
    return this.getOwn(ownerId, clientId);
  }

  private issuerIsHttp(): boolean {
    return this.config.issuer.startsWith('http:');
  }

  /**
   * A new secret replaces the old one in one UPDATE of one column; the old one fails from the next
   * request on. Concurrent rotations each write a whole hash, so exactly one secret (the last write's)
   * remains valid.
   */
  async rotateSecret(ownerId: string, clientId: string, ip?: string): Promise<ClientWithSecret> {
    const client = await this.getOwn(ownerId, clientId);
    if (!client.confidential) throw new DomainError('bad_request', 'A public client has no secret to rotate');
    const secret = generateSecret();
    if (!(await this.clients.update(client.id, { secretHash: sha256Hex(secret) }, ownerId))) {
      throw new NotFoundError('Client');
    }
    await this.audit.record({
      type: 'client.secret_rotated',
      actorUserId: ownerId,
      subject: client.clientId,
      clientId: client.clientId,
      ip,
    });
    return { client: await this.getOwn(ownerId, clientId), secret };
  }

  /** Revokes the client's refresh tokens, then deletes it (its tokens cascade with it). */
  async delete(ownerId: string, clientId: string, ip?: string): Promise<void> {
    const client = await this.getOwn(ownerId, clientId);
    await this.refreshTokens.revoke({ clientId: client.id });
    await this.clients.delete(client.id, ownerId);
    await this.cutoffs.cutOffClient(client.clientId);
    await this.audit.record({
      type: 'client.deleted',
      actorUserId: ownerId,
      subject: client.clientId,
      clientId: client.clientId,
      ip,
    });
  }
}
