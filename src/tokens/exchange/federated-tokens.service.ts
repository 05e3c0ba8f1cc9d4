import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { BruteForceService } from '../../brute-force/brute-force.service';
import type { Client } from '../../clients/client.entity';
import { OAuthError } from '../../common/errors/oauth.error';
import { FederatedSignInService } from '../../identities/federated-sign-in.service';
import {
  ExternalCredentialRefused,
  IdentityProviderUnavailable,
} from '../../identities/verification/external-credential.errors';
import {
  type ExternalCredential,
  ExternalCredentialsService,
} from '../../identities/verification/external-credentials.service';
import type { VerifiedExternalIdentity } from '../../identities/verification/verified-external-identity';
import { OrganizationSignInService } from '../../organizations/organization-sign-in.service';
import { ScopesService } from '../../scopes/scopes.service';
import type { User } from '../../users/user.entity';
import { RefreshTokensService } from '../refresh-tokens.service';
import { TokenIssuer } from '../token-issuer.service';
import type { TokenResponse } from '../token-response';

export interface FederatedTokenRequest {
  grant: string;
  client: Client;
  credential: ExternalCredential;
  requestedScope?: string;
  /** RFC 8693 `resource`/`audience`; empty: this server. */
  audience: readonly string[];
  ip: string;
}

/** RFC 8176 §2: "fed", the user authenticated through a federated identity provider. */
const FEDERATED_AMR = ['fed'];

/**
 * Federated sign-in, shared by the token-exchange and jwt-bearer grants: verify the external
 * credential, find (or create) its user, then issue our tokens. Every refusal is audited with its
 * reason (never the credential) and counts against the address like a wrong password.
 */
@Injectable()
export class FederatedTokens {
  constructor(
    private readonly credentials: ExternalCredentialsService,
    private readonly signIns: FederatedSignInService,
    private readonly scopes: ScopesService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly issuer: TokenIssuer,
    private readonly audit: AuditService,
    private readonly bruteForce: BruteForceService,
    private readonly organizations: OrganizationSignInService,
  ) {}

  async issue({
    grant,
    client,
    credential,
    requestedScope,
    audience,
    ip,
  }: FederatedTokenRequest): Promise<TokenResponse> {
    const requested = this.scopes.parseScopeParameter(requestedScope);
    const user = await this.signIn(grant, client, credential, ip);
    // An org app signs in only its organization's members, always for it.
    const organization = await this.organizations.carriedOver(undefined, user.id, client);
    if (!organization.allowed) {
      await this.bruteForce.recordAddressFailure(ip);
      await this.recordRefusal(grant, client, ip, 'organization');
      throw new OAuthError('invalid_grant', 'This application signs in only the members of its organization');
    }
    const scopes = await this.scopes.decideForToken(requested, client, user);
    const signIn = { authTime: new Date(), amr: FEDERATED_AMR, org: organization.organization };
    const refreshToken = client.grantTypes.includes('refresh_token')
      ? await this.refreshTokens.startFamily(client, user.id, scopes, {
          ...signIn,
          organizationId: organization.organization?.id,
        })
      : undefined;
    return this.issuer.issue({
      grant,
      client,
      userId: user.id,
      scopes,
      refreshToken,
      signIn,
      accessToken: { amr: FEDERATED_AMR, audience },
      ip,
    });
  }

  private async signIn(grant: string, client: Client, credential: ExternalCredential, ip: string): Promise<User> {
    if (await this.bruteForce.addressLocked(ip)) {
      await this.recordRefusal(grant, client, ip, 'locked');
      throw new OAuthError('invalid_grant', 'Too many failed sign-ins from this address; try again later');
    }
    let identity: VerifiedExternalIdentity | undefined;
    try {
      identity = await this.credentials.verify(credential);
      return await this.signIns.userFor(identity, ip, client.organizationId === null);
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) {
        await this.recordRefusal(grant, client, ip, 'provider_unavailable', error.providerAlias);
        throw new OAuthError('temporarily_unavailable', error.message);
      }
      if (!(error instanceof ExternalCredentialRefused)) throw error;
      await this.bruteForce.recordAddressFailure(ip);
      await this.recordRefusal(grant, client, ip, error.reason, identity?.provider.alias);
      // RFC 8693 §2.2.2: a token type or issuer the server does not take is invalid_request.
      const code =
        error.reason === 'unsupported_token_type' || error.reason === 'unknown_provider'
          ? 'invalid_request'
          : 'invalid_grant';
      throw new OAuthError(code, error.description);
    }
  }

  private recordRefusal(grant: string, client: Client, ip: string, reason: string, provider?: string): Promise<void> {
    return this.audit.record({
      type: 'user.signin_failed',
      subject: provider ? `provider:${provider}` : undefined,
      clientId: client.clientId,
      ip,
      details: { grant, reason, ...(provider ? { provider } : {}) },
    });
  }
}
