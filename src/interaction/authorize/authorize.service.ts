import { Injectable } from '@nestjs/common';
import type { Client } from '../../clients/client.entity';
import { isRegisteredRedirectUri } from '../../clients/redirect-uri-rules';
import { ClientsService } from '../../clients/clients.service';
import { DomainError } from '../../common/errors/domain.error';
import { OAuthError } from '../../common/errors/oauth.error';
import { AppConfig } from '../../config/app-config';
import type { SignInName } from '../../organizations/organization-key';
import { OrganizationSignInService } from '../../organizations/organization-sign-in.service';
import type { Scope } from '../../scopes/scope.entity';
import { ScopesService } from '../../scopes/scopes.service';
import type { OAuthParameters } from '../../common/http/oauth-parameters';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { AuthorizationCodesService } from '../codes/authorization-codes.service';
import { ConsentsService } from '../consents/consents.service';
import type { Session } from '../sessions/session.entity';
import { AuthorizationError } from './authorization-error';
import {
  AuthorizationParameters,
  AuthorizationRequest,
  parseAuthorizationRequest,
  stateOf,
} from './authorization-request';

/** Where an authorization request stands after this step. */
export type AuthorizationOutcome =
  | { kind: 'sign-in'; client: Client; redirectUri: string; loginHint?: string; organization?: string }
  | { kind: 'consent'; client: Client; redirectUri: string; scopes: Scope[]; userEmail: string }
  | { kind: 'redirect'; location: string };

export interface AuthorizationContext {
  session: Session | null;
  /** The user entered a credential in this very request: prompt=login and max_age are satisfied. */
  justSignedIn?: boolean;
  /** The user's answer on the consent page, when this request carries one. */
  consent?: 'allow' | 'deny';
  /** What the user typed on the sign-in form, which may name an organization (`email@org-key`). */
  typedName?: string;
}

/** The client and the redirect URI, checked before anything else: until both are, nothing may redirect. */
interface RedirectTarget {
  client: Client;
  redirectUri: string;
  state: string | undefined;
}

/**
 * The authorization endpoint's decision (RFC 6749 §4.1, OpenID Connect Core §3.1.2): who the client
 * is and where it may be redirected (else an error page, never a redirect), then the request's
 * parameters, the sign-in, the consent, and a code.
 */
@Injectable()
export class AuthorizeService {
  constructor(
    private readonly config: AppConfig,
    private readonly clients: ClientsService,
    private readonly users: UsersService,
    private readonly scopes: ScopesService,
    private readonly consents: ConsentsService,
    private readonly codes: AuthorizationCodesService,
    private readonly organizations: OrganizationSignInService,
  ) {}

  /** RFC 6749 §4.1.2.1: an unknown client or unregistered redirect URI is shown to the user, not redirected to. */
  async redirectTarget(parameters: OAuthParameters): Promise<RedirectTarget> {
    const clientId = parameters.optional('client_id');
    const client = clientId === undefined ? null : await this.clients.findByClientId(clientId);
    if (!client || client.disabled) throw new DomainError('bad_request', 'The application is unknown');
    const redirectUri = parameters.optional('redirect_uri');
    if (redirectUri === undefined) throw new DomainError('bad_request', 'The request has no redirect_uri');
    if (!isRegisteredRedirectUri(redirectUri, client.redirectUris)) {
      throw new DomainError('bad_request', 'The redirect_uri is not registered for this application');
    }
    return { client, redirectUri, state: stateOf(parameters) };
  }

  async authorize(
    { parameters, repeated }: AuthorizationParameters,
    context: AuthorizationContext,
  ): Promise<AuthorizationOutcome> {
    const target = await this.redirectTarget(parameters);
    try {
      if (repeated.length > 0) {
        throw new AuthorizationError('invalid_request', `Parameter "${repeated[0].slice(0, 40)}" is repeated`);
      }
      return await this.decide(target, parseAuthorizationRequest(parameters), context);
    } catch (error) {
      if (error instanceof AuthorizationError || error instanceof OAuthError) {
        return { kind: 'redirect', location: this.errorRedirect(target, error.code, error.description) };
      }
      throw error;
    }
  }

  /**
   * The email and organization a sign-in form names, with what the request names (`organization`,
   * `login_hint` as `email@org-key`); null when two of them name different organizations (authorize()
   * then redirects with invalid_request).
   */
  signInName(parameters: OAuthParameters, typed: string): SignInName | null {
    try {
      const requested = this.organizations.resolve(
        parameters.optional('login_hint') ?? '',
        parameters.optional('organization'),
      );
      return this.organizations.resolve(typed, requested.organizationKey);
    } catch (error) {
      if (error instanceof OAuthError) return null;
      throw error;
    }
  }

  /** The redirect for an error found after the redirect URI was validated. */
  errorRedirect(target: RedirectTarget, error: string, description: string): string {
    return this.redirectWith(target, { error, error_description: description });
  }

  private async decide(
    target: RedirectTarget,
    request: AuthorizationRequest,
    context: AuthorizationContext,
  ): Promise<AuthorizationOutcome> {
    const { client, redirectUri } = target;
    if (!client.grantTypes.includes('authorization_code')) {
      throw new AuthorizationError('unauthorized_client', 'This application may not use the authorization code grant');
    }
    // Both forms naming different organizations: OAuthError invalid_request (redirected).
    const requested = this.organizations.resolve(request.loginHint ?? '', request.organization);
    const name =
      context.typedName === undefined
        ? requested
        : this.organizations.resolve(context.typedName, requested.organizationKey);
    const user = await this.signedInUser(request, context);
    // A signed-in user who may not sign in for what was named signs in again, and gets the wrong-password answer.
    const organization = user ? await this.organizations.decide(name, user.id, client) : { allowed: false as const };
    if (!user || !organization.allowed) {
      if (request.prompt.has('none')) throw new AuthorizationError('login_required', 'The user is not signed in');
      return {
        kind: 'sign-in',
        client,
        redirectUri,
        loginHint: requested.email || undefined,
        organization: await this.organizations.shownOrganization(name, client),
      };
    }
    const scopes = await this.scopes.decideForToken(request.scope, client, user);
    if (context.consent === 'deny') throw new AuthorizationError('access_denied', 'The user denied the request');
    if (context.consent === 'allow') {
      await this.consents.grant(user.id, client.id, scopes);
    } else if (await this.needsConsent(request, client, user, scopes)) {
      if (request.prompt.has('none')) throw new AuthorizationError('consent_required', 'The user has not consented');
      return {
        kind: 'consent',
        client,
        redirectUri,
        scopes: await this.scopes.findByNames(scopes),
        userEmail: user.email,
      };
    }
    const session = context.session as Session;
    const code = await this.codes.issue({
      clientId: client.id,
      userId: user.id,
      redirectUri,
      codeChallenge: request.codeChallenge,
      scope: scopes,
      nonce: request.nonce ?? null,
      authTime: session.authTime,
      amr: session.amr,
      sid: session.sid,
      organizationId: organization.organization?.id ?? null,
    });
    return { kind: 'redirect', location: this.redirectWith(target, { code }) };
  }

  /** The session's user, unless the request demands a fresh sign-in (prompt=login, max_age). */
  private async signedInUser(request: AuthorizationRequest, context: AuthorizationContext): Promise<User | null> {
    const { session } = context;
    if (!session) return null;
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) return null;
    if (context.justSignedIn) return user;
    if (request.prompt.has('login')) return null;
    // OpenID Connect Core §3.1.2.1: max_age bounds the time since the user last entered a credential.
    if (request.maxAgeSeconds !== undefined && Date.now() - session.authTime.getTime() > request.maxAgeSeconds * 1000)
      return null;
    return user;
  }

  /** Consent is asked for prompt=consent, and otherwise for a third-party app's scopes not granted yet. */
  private async needsConsent(
    request: AuthorizationRequest,
    client: Client,
    user: User,
    scopes: readonly string[],
  ): Promise<boolean> {
    if (request.prompt.has('consent')) return true;
    if (client.firstParty) return false;
    return !(await this.consents.covers(user.id, client.id, scopes));
  }

  /** RFC 9207: every authorization response names the issuer; `state` comes back as it was sent. */
  private redirectWith(target: RedirectTarget, parameters: Record<string, string>): string {
    const url = new URL(target.redirectUri);
    for (const [name, value] of Object.entries(parameters)) url.searchParams.append(name, value);
    if (target.state !== undefined) url.searchParams.append('state', target.state);
    url.searchParams.append('iss', this.config.issuer);
    return url.toString();
  }
}
