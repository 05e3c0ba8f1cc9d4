import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain.error';
import type { ExternalIdentity } from './external-identity.entity';
import { FederatedSignInService } from './federated-sign-in.service';
import { ExternalCredentialRefused, IdentityProviderUnavailable } from './verification/external-credential.errors';
import { type ExternalCredential, ExternalCredentialsService } from './verification/external-credentials.service';

/** /users/me/identities: a signed-in user proves an external identity and links it to their account. */
@Injectable()
export class IdentityLinkingService {
  constructor(
    private readonly credentials: ExternalCredentialsService,
    private readonly signIns: FederatedSignInService,
  ) {}

  async link(userId: string, credential: ExternalCredential, ip: string): Promise<ExternalIdentity> {
    try {
      const identity = await this.credentials.verify(credential);
      return await this.signIns.link(userId, identity, ip);
    } catch (error) {
      if (error instanceof ExternalCredentialRefused) throw new DomainError('bad_request', error.description);
      if (error instanceof IdentityProviderUnavailable) throw new DomainError('unavailable', error.message);
      throw error;
    }
  }

  list(userId: string): Promise<ExternalIdentity[]> {
    return this.signIns.listFor(userId);
  }

  unlink(userId: string, id: string, ip: string): Promise<void> {
    return this.signIns.unlink(userId, id, ip);
  }
}
