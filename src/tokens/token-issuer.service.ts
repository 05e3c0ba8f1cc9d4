import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Client } from '../clients/client.entity';
import { IdTokenInput, IdTokenService } from '../oidc/id-token.service';
import { type AccessTokenRequest, AccessTokenService } from './access-token.service';
import { ID_TOKEN_TYPE, type TokenResponse } from './token-response';

/** What the ID token says about the user's sign-in (the rest comes from the grant). */
export type SignInClaims = Pick<IdTokenInput, 'authTime' | 'amr' | 'nonce' | 'sid' | 'org'>;

export interface IssueInput {
  grant: string;
  client: Client;
  /** Absent for client_credentials. */
  userId?: string;
  scopes: readonly string[];
  /** Made by the grant (a new family, or a rotation); absent when none is issued. */
  refreshToken?: string;
  /** The user's sign-in: with it and a granted `openid`, the response carries an ID token. */
  signIn?: SignInClaims;
  /** Claims some grants add to the access token (token exchange: audience, actor, lifetime bound). */
  accessToken?: Pick<AccessTokenRequest, 'audience' | 'act' | 'amr' | 'maxLifetimeSeconds' | 'organization'>;
  ip: string;
}

/** The last step of every grant: the access token, the ID token, the audit record, the RFC 6749 §5.1 response. */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly idTokens: IdTokenService,
    private readonly audit: AuditService,
  ) {}

  async issue(input: IssueInput): Promise<TokenResponse> {
    const { grant, client, userId, scopes, refreshToken, signIn, ip } = input;
    const organization = signIn?.org ?? input.accessToken?.organization;
    const accessToken = await this.accessTokens.issue({
      // RFC 9068 §2.2.1: the sign-in's auth_time and amr, so that a token exchange can say them again.
      amr: signIn?.amr,
      authTime: signIn?.authTime,
      ...input.accessToken,
      client,
      userId,
      scopes,
      organization,
    });
    // OpenID Connect Core §3.1.3.3: an `openid` request made for a user gets an ID token.
    const idToken =
      userId !== undefined && signIn !== undefined && scopes.includes('openid')
        ? await this.idTokens.sign({
            ...signIn,
            userId,
            clientId: client.clientId,
            scopes,
            accessToken: accessToken.token,
          })
        : undefined;
    await this.audit.record({
      type: 'token.issued',
      actorUserId: userId,
      subject: userId ?? client.clientId,
      clientId: client.clientId,
      ip,
      details: {
        grant,
        scope: scopes.join(' '),
        refresh: refreshToken !== undefined,
        ...(idToken !== undefined ? { id_token: true } : {}),
        ...(organization ? { org: organization.key } : {}),
      },
    });
    return {
      access_token: accessToken.token,
      token_type: 'Bearer',
      expires_in: accessToken.expiresIn,
      ...(refreshToken !== undefined ? { refresh_token: refreshToken } : {}),
      scope: scopes.join(' '),
      ...(idToken !== undefined ? { id_token: idToken, id_token_type: ID_TOKEN_TYPE } : {}),
    };
  }
}
