import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { Client } from '../../clients/client.entity';
import { ClientsService } from '../../clients/clients.service';
import { NotFoundError } from '../../common/errors/domain.error';
import type { Page, PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { RefreshTokensRepository } from '../../refresh-tokens/refresh-tokens.repository';
import type { Consent } from './consent.entity';
import { ConsentsRepository } from './consents.repository';

/** A remembered consent with the client it was given to. */
export interface ConsentGrant {
  consent: Consent;
  client: Client;
}

/** What a user has allowed each client, so the consent page is shown once per new scope. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly clients: ClientsService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly audit: AuditService,
  ) {}

  async covers(userId: string, clientId: string, scopes: readonly string[]): Promise<boolean> {
    const consent = await this.consents.find(userId, clientId);
    return consent !== null && scopes.every((scope) => consent.scope.includes(scope));
  }

  /** Adds the scopes to what the user already allowed the client. */
  async grant(userId: string, clientId: string, scopes: readonly string[]): Promise<void> {
    const consent = await this.consents.find(userId, clientId);
    const granted = [...new Set([...(consent?.scope ?? []), ...scopes])];
    await this.consents.save(userId, clientId, granted, new Date());
  }

  async list(userId: string, { limit, offset }: PaginationQueryDto): Promise<Page<ConsentGrant>> {
    const page = await this.consents.pageOfUser(userId, limit, offset);
    const clients = new Map(
      (await this.clients.findByIds(page.items.map((consent) => consent.clientId))).map((client) => [
        client.id,
        client,
      ]),
    );
    // Deleting a client deletes its consents (ON DELETE CASCADE); a client deleted meanwhile is skipped.
    const items = page.items.flatMap((consent) => {
      const client = clients.get(consent.clientId);
      return client ? [{ consent, client }] : [];
    });
    return { items, total: page.total };
  }

  /** The consent given to the client with this public client_id; 404 when there is none. */
  async get(userId: string, publicClientId: string): Promise<ConsentGrant> {
    const client = await this.clients.findByClientId(publicClientId);
    const consent = client ? await this.consents.find(userId, client.id) : null;
    if (!client || !consent) throw new NotFoundError('Consent');
    return { consent, client };
  }

  /**
   * Withdraws the consent: the next authorization asks again, and the client's refresh tokens for
   * this user end now (its access tokens expire on their own, within their short lifetime).
   */
  async revoke(userId: string, publicClientId: string): Promise<void> {
    const { client } = await this.get(userId, publicClientId);
    await this.withdraw(userId, client.id, client.clientId);
  }

  /** Withdraws every consent the user gave. */
  async revokeAll(userId: string): Promise<void> {
    const clients = await this.clients.findByIds(await this.consents.clientIdsOfUser(userId));
    for (const client of clients) await this.withdraw(userId, client.id, client.clientId);
  }

  private async withdraw(userId: string, internalClientId: string, publicClientId: string): Promise<void> {
    await this.consents.delete(userId, internalClientId);
    await this.refreshTokens.revoke({ clientId: internalClientId, userId });
    await this.audit.record({
      type: 'user.consent_revoked',
      actorUserId: userId,
      subject: userId,
      clientId: publicClientId,
    });
  }
}
