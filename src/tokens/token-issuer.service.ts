import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Client } from '../clients/client.entity';
import { AccessTokenService } from './access-token.service';
import type { TokenResponse } from './token-response';

export interface IssueInput {
  grant: string;
  client: Client;
  /** Absent for client_credentials. */
  userId?: string;
  scopes: readonly string[];
  /** Made by the grant (a new family, or a rotation); absent when none is issued. */
  refreshToken?: string;
  ip: string;
}

/** The last step of every grant: the access token, the audit record, and the RFC 6749 §5.1 response. */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async issue({ grant, client, userId, scopes, refreshToken, ip }: IssueInput): Promise<TokenResponse> {
    const accessToken = await this.accessTokens.issue({ client, userId, scopes });
    await this.audit.record({
      type: 'token.issued',
      actorUserId: userId,
      subject: userId ?? client.clientId,
      clientId: client.clientId,
      ip,
      details: { grant, scope: scopes.join(' '), refresh: refreshToken !== undefined },
    });
    return {
      access_token: accessToken.token,
      token_type: 'Bearer',
      expires_in: accessToken.expiresIn,
      ...(refreshToken !== undefined ? { refresh_token: refreshToken } : {}),
      scope: scopes.join(' '),
    };
  }
}
