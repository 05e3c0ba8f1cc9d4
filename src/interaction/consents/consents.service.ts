import { Injectable } from '@nestjs/common';
import { ConsentsRepository } from './consents.repository';

/** What a user has allowed each client, so the consent page is shown once per new scope. */
@Injectable()
export class ConsentsService {
  constructor(private readonly consents: ConsentsRepository) {}

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
}
