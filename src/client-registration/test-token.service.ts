import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Client } from '../clients/client.entity';
import { DomainError } from '../common/errors/domain.error';
import { OAuthError } from '../common/errors/oauth.error';
import { ScopesService } from '../scopes/scopes.service';
import { AccessTokenService } from '../tokens/access-token.service';
import { ClientRegistrationService } from './client-registration.service';
import type { GeneratedTokenResponseDto } from './dto/generated-token-response.dto';

/** A token for trying the API from the portal is short-lived, whatever the app's own lifetime. */
export const TEST_TOKEN_MAX_LIFETIME_SECONDS = 600;

/**
 * The portal's "Generate token": a client_credentials access token (RFC 6749 §4.4) for one's own
 * confidential app, minted without its secret because the owner is signed in.
 */
@Injectable()
export class TestTokenService {
  constructor(
    private readonly registrations: ClientRegistrationService,
    private readonly scopes: ScopesService,
    private readonly accessTokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async generate(
    ownerId: string,
    clientId: string,
    requested: string[] | undefined,
    ip?: string,
  ): Promise<GeneratedTokenResponseDto> {
    const client = await this.registrations.getOwn(ownerId, clientId);
    // RFC 6749 §4.4: client_credentials is for confidential clients, and only the grants the app holds.
    if (!client.confidential)
      throw new DomainError('bad_request', 'A public app cannot hold a client_credentials token');
    if (!client.grantTypes.includes('client_credentials')) {
      throw new DomainError('bad_request', 'Allow the client_credentials grant type for this app first');
    }
    if (client.disabled) throw new DomainError('bad_request', 'This app is disabled');
    const scopes = await this.decideScopes(requested, client);
    const token = await this.accessTokens.issue({
      client,
      scopes,
      maxLifetimeSeconds: TEST_TOKEN_MAX_LIFETIME_SECONDS,
    });
    await this.audit.record({
      type: 'client.token_generated',
      actorUserId: ownerId,
      subject: client.clientId,
      clientId: client.clientId,
      ip,
      details: { scope: scopes.join(' '), expires_in: token.expiresIn },
    });
    return { access_token: token.token, token_type: 'Bearer', expires_in: token.expiresIn, scope: scopes.join(' ') };
  }

  /** The token endpoint's own rule, reported in this API's error shape rather than RFC 6749 §5.2's. */
  private async decideScopes(requested: string[] | undefined, client: Client): Promise<string[]> {
    try {
      return await this.scopes.decideForToken(requested, client, null);
    } catch (error) {
      if (error instanceof OAuthError) throw new DomainError('bad_request', `scopes: ${error.description}`);
      throw error;
    }
  }
}
