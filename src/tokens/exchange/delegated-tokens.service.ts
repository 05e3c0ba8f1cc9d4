import { Injectable } from '@nestjs/common';
import type { AccessTokenPrincipal } from '../../access-tokens/access-token-principal';
import { AccessTokenVerifier } from '../../access-tokens/access-token-verifier.service';
import type { Client } from '../../clients/client.entity';
import { BearerTokenError } from '../../common/errors/bearer-token.error';
import { OAuthError } from '../../common/errors/oauth.error';
import { TOKEN_TYPE } from '../../identities/verification/external-credentials.service';
import type { OrganizationClaims } from '../../organizations/organization-claims';
import { OrganizationSignInService } from '../../organizations/organization-sign-in.service';
import { ScopesService } from '../../scopes/scopes.service';
import { UsersService } from '../../users/users.service';
import { verifiedJwtClaims } from '../access-token-claims';
import type { ActorClaim } from '../access-token.service';
import { type SignInClaims, TokenIssuer } from '../token-issuer.service';
import type { TokenResponse } from '../token-response';

export interface DelegationRequest {
  grant: string;
  client: Client;
  subjectToken: string;
  actorToken?: string;
  actorTokenType?: string;
  requestedScope?: string;
  audience: readonly string[];
  ip: string;
}

/**
 * RFC 8693 with one of our own access tokens as the subject: a new token for the same user, never
 * broader (same or fewer scopes, no later expiry), for the audience asked for, and with `act` naming
 * the actor when an actor token is given (delegation, §1.1 and §4.1).
 */
@Injectable()
export class DelegatedTokens {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly users: UsersService,
    private readonly scopes: ScopesService,
    private readonly issuer: TokenIssuer,
    private readonly organizations: OrganizationSignInService,
  ) {}

  async issue(request: DelegationRequest): Promise<TokenResponse> {
    const { grant, client, subjectToken, ip, audience } = request;
    const subject = await this.verifyOwn(subjectToken, 'subject_token');
    if (!subject.userId) throw new OAuthError('invalid_grant', 'subject_token must be a token issued for a user');
    const user = await this.users.findById(subject.userId);
    if (!user || user.disabled) throw new OAuthError('invalid_grant', 'subject_token is no longer valid');

    const requested =
      this.scopes.parseScopeParameter(request.requestedScope) ??
      subject.scopes.filter((scope) => client.scopes.includes(scope));
    const beyond = requested.find((scope) => !subject.scopes.includes(scope));
    if (beyond !== undefined)
      throw new OAuthError('invalid_scope', `scope "${beyond}" is not granted to subject_token`);
    const scopes = await this.scopes.decideForToken(requested, client, user);

    // A token issued for an organization stays for it, with the member's role as it is now; an org app
    // exchanges only for its own organization.
    const organization = await this.organizations.carriedOver(subject.organization?.id, user.id, client);
    if (!organization.allowed) throw new OAuthError('invalid_grant', 'subject_token is no longer valid');

    const act = await this.actorClaim(request, subjectToken);
    const remainingSeconds = subject.expiresAt - Math.floor(Date.now() / 1000);
    return this.issuer.issue({
      grant,
      client,
      userId: user.id,
      scopes,
      signIn: signInOf(subjectToken, organization.organization),
      accessToken: {
        audience,
        act,
        maxLifetimeSeconds: Math.max(remainingSeconds, 1),
        organization: organization.organization,
      },
      ip,
    });
  }

  /** RFC 8693 §4.1: the actor, with the subject token's earlier actors nested inside. */
  private async actorClaim(request: DelegationRequest, subjectToken: string): Promise<ActorClaim | undefined> {
    const { actorToken, actorTokenType } = request;
    if (actorToken === undefined) {
      if (actorTokenType !== undefined) throw new OAuthError('invalid_request', 'actor_token_type without actor_token');
      return undefined;
    }
    // RFC 8693 §2.1: actor_token_type is REQUIRED with an actor_token.
    if (actorTokenType === undefined) throw new OAuthError('invalid_request', 'Missing parameter "actor_token_type"');
    if (actorTokenType !== TOKEN_TYPE.accessToken) {
      throw new OAuthError('invalid_request', 'actor_token must be an access token of this server');
    }
    const actor = await this.verifyOwn(actorToken, 'actor_token');
    const prior = priorActor(verifiedJwtClaims(subjectToken).act);
    return { sub: actor.subject, ...(prior ? { act: prior } : {}) };
  }

  private async verifyOwn(token: string, parameter: string): Promise<AccessTokenPrincipal> {
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof BearerTokenError) {
        throw new OAuthError('invalid_grant', `${parameter} is not a valid access token of this server`);
      }
      throw error;
    }
  }
}

function priorActor(value: unknown): ActorClaim | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { sub, act } = value as { sub?: unknown; act?: unknown };
  if (typeof sub !== 'string') return undefined;
  const earlier = priorActor(act);
  return { sub, ...(earlier ? { act: earlier } : {}) };
}

/**
 * The user's sign-in as the subject token states it (RFC 9068 §2.2.1 `auth_time`, `amr`): with it, an
 * exchange that grants `openid` answers with an ID token too. A token that does not say when the user
 * authenticated gets none, rather than an invented time. The organization goes into the access token either way.
 */
function signInOf(subjectToken: string, org: OrganizationClaims | undefined): SignInClaims | undefined {
  const { auth_time: authTime, amr } = verifiedJwtClaims(subjectToken);
  if (typeof authTime !== 'number' || !Array.isArray(amr) || !amr.every((value) => typeof value === 'string')) {
    return undefined;
  }
  return { authTime: new Date(authTime * 1000), amr, org };
}
