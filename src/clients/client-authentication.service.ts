import { Injectable } from '@nestjs/common';
import { secretMatchesHash } from '../common/crypto/secrets';
import { OAuthError } from '../common/errors/oauth.error';
import type { PresentedClientCredentials } from './client-basic-credentials';
import type { Client } from './client.entity';
import { ClientsService } from './clients.service';

/** What a request presented: the Basic header's credentials, and/or the body's client_id/client_secret. */
export interface ClientAuthenticationInput {
  basic?: PresentedClientCredentials;
  bodyClientId?: string;
  bodyClientSecret?: string;
}

export interface ClientAuthentication {
  client: Client;
  /** How it authenticated: Basic failures later in the request still get the Basic challenge. */
  basicAuthUsed: boolean;
}

const BAD_CREDENTIALS = 'Client authentication failed';

/**
 * RFC 6749 §2.3: client_secret_basic, client_secret_post, or a public client by client_id alone; one
 * method per request. Unknown, disabled and owner-disabled clients fail exactly like a wrong secret,
 * and every confidential path costs one hash comparison.
 */
@Injectable()
export class ClientAuthenticationService {
  constructor(private readonly clients: ClientsService) {}

  async authenticate({
    basic,
    bodyClientId,
    bodyClientSecret,
  }: ClientAuthenticationInput): Promise<ClientAuthentication> {
    if (basic) {
      // RFC 6749 §2.3: "MUST NOT use more than one authentication method in each request".
      if (bodyClientSecret !== undefined || (bodyClientId !== undefined && bodyClientId !== basic.clientId)) {
        throw new OAuthError('invalid_request', 'Use one client authentication method: Basic or body credentials');
      }
      // A public client identifies itself as `client_id:` with an empty secret (Swagger UI does, as do many libraries).
      if (basic.clientSecret === '')
        return { client: await this.publicClient(basic.clientId, true), basicAuthUsed: true };
      return { client: await this.withSecret(basic.clientId, basic.clientSecret, true), basicAuthUsed: true };
    }
    if (bodyClientId === undefined) {
      throw new OAuthError('invalid_client', 'Client authentication is required (Basic or client_id in the body)');
    }
    if (bodyClientSecret !== undefined && bodyClientSecret !== '') {
      return { client: await this.withSecret(bodyClientId, bodyClientSecret, false), basicAuthUsed: false };
    }
    return { client: await this.publicClient(bodyClientId, false), basicAuthUsed: false };
  }

  private async publicClient(clientId: string, basicAuthUsed: boolean): Promise<Client> {
    const client = await this.clients.findActiveByClientId(clientId);
    if (!client || client.confidential) throw new OAuthError('invalid_client', BAD_CREDENTIALS, { basicAuthUsed });
    return client;
  }

  private async withSecret(clientId: string, secret: string, basicAuthUsed: boolean): Promise<Client> {
    const client = await this.clients.findActiveByClientId(clientId);
    // Compared even when the client is unknown, against a hash that cannot match: the same cost either way.
    const matches = secretMatchesHash(secret, client?.secretHash);
    if (!client || !client.confidential || !matches) {
      throw new OAuthError('invalid_client', BAD_CREDENTIALS, { basicAuthUsed });
    }
    return client;
  }
}
