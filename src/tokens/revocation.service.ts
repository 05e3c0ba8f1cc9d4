import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier } from '../access-tokens/access-token-verifier.service';
import { AuditService } from '../audit/audit.service';
import type { Client } from '../clients/client.entity';
import { RevokedTokensService } from './keys/revoked-tokens.service';
import { looksLikeJwt } from './access-token-claims';
import type { OAuthParameters } from '../common/http/oauth-parameters';
import { RefreshTokensService } from './refresh-tokens.service';

/**
 * RFC 7009. The answer is 200 whatever the token was (§2.2): unknown, invalid, expired or another
 * client's tokens are left alone, and the caller cannot tell which.
 */
@Injectable()
export class RevocationService {
  constructor(
    private readonly refreshTokens: RefreshTokensService,
    private readonly verifier: AccessTokenVerifier,
    private readonly revokedTokens: RevokedTokensService,
    private readonly audit: AuditService,
  ) {}

  async revoke(parameters: OAuthParameters, client: Client, ip: string): Promise<void> {
    const token = parameters.required('token');
    // §2.1: token_type_hint only orders the search; a wrong hint still finds the token. The two kinds
    // cannot be confused (a JWT has dots, a refresh token none), so the token's shape decides.
    const revoked = looksLikeJwt(token)
      ? await this.revokeAccessToken(token, client)
      : await this.revokeRefreshToken(token, client);
    if (revoked) {
      await this.audit.record({
        type: 'token.revoked',
        actorUserId: revoked.userId,
        subject: revoked.userId ?? client.clientId,
        clientId: client.clientId,
        ip,
        details: { kind: revoked.tokenType },
      });
    }
  }

  private async revokeAccessToken(token: string, client: Client): Promise<Revoked | undefined> {
    const principal = await this.verifier.verify(token).catch(() => undefined);
    if (!principal || principal.clientId !== client.clientId) return undefined;
    await this.revokedTokens.revoke(principal.jti, new Date(principal.expiresAt * 1000));
    return { tokenType: 'access_token', userId: principal.userId };
  }

  /** §2.1: revoking a refresh token ends its whole family (every rotation of that sign-in). */
  private async revokeRefreshToken(token: string, client: Client): Promise<Revoked | undefined> {
    const row = await this.refreshTokens.findByToken(token);
    if (!row || row.clientId !== client.id || row.revokedAt) return undefined;
    await this.refreshTokens.revokeFamily(row.familyId);
    return { tokenType: 'refresh_token', userId: row.userId };
  }
}

interface Revoked {
  tokenType: 'access_token' | 'refresh_token';
  userId?: string;
}
