import { apiErrorFrom } from '../api/api-error';
import type { ServerMetadata } from '../api/types';
import { type PendingSignIn, savePendingSignIn, takePendingSignIn } from './pending-sign-in';
import { randomToken, s256Challenge } from './pkce';

/** What the portal asks for; `admin` is added for admins only (asking without being one is invalid_scope). */
export const PORTAL_SCOPES = ['openid', 'profile', 'clients:read', 'clients:write', 'orgs:read', 'orgs:write'];
export const ADMIN_SCOPE = 'admin';

/** Renew this long before expiry, so a request never leaves with an expired token. */
const RENEW_AHEAD_MS = 60_000;

interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  scopes: string[];
  expiresAt: number;
}

interface TokenEndpointResponse {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  scope: string;
}

export interface CompletedSignIn {
  pending: PendingSignIn;
  outcome: 'signed-in' | 'admin-refused';
}

export interface AuthSessionOptions {
  clientId: string;
  metadata: ServerMetadata;
  /** `<origin>/portal/callback`, registered for the portal client. */
  redirectUri: string;
  navigate: (url: string) => void;
}

/**
 * The portal as a public OAuth client: authorization code with PKCE (RFC 7636, S256), tokens kept in
 * memory only (never in storage a script could read later), renewed with the refresh token before
 * they expire, and a new sign-in, back to the same page, when renewal fails.
 */
export class AuthSession {
  private tokens: TokenSet | undefined;
  private renewal: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | undefined;

  constructor(private readonly options: AuthSessionOptions) {}

  get accessToken(): string | undefined {
    return this.tokens?.accessToken;
  }

  hasScope(scope: string): boolean {
    return this.tokens?.scopes.includes(scope) ?? false;
  }

  /** Leaves for /oauth/authorize; the browser comes back to /portal/callback. */
  async signIn(returnTo: string, { withAdmin = false, adminRefused = false } = {}): Promise<void> {
    const state = randomToken();
    const verifier = randomToken();
    savePendingSignIn({ state, verifier, returnTo, withAdmin, adminRefused });
    const url = new URL(this.options.metadata.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: this.options.redirectUri,
      scope: [...PORTAL_SCOPES, ...(withAdmin ? [ADMIN_SCOPE] : [])].join(' '),
      state,
      code_challenge: await s256Challenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    this.options.navigate(url.toString());
  }

  /**
   * Handles the redirect back (RFC 6749 §4.1.2): the state must be ours and `iss` this server's
   * (RFC 9207 §2.4, against mix-up), then the code is exchanged with the verifier.
   */
  async completeSignIn(search: string): Promise<CompletedSignIn> {
    const parameters = new URLSearchParams(search);
    const pending = takePendingSignIn();
    if (!pending || parameters.get('state') !== pending.state) {
      throw new Error('This sign-in link is stale or was not started here. Sign in again.');
    }
    const issuer = parameters.get('iss');
    if (issuer !== null && issuer !== this.options.metadata.issuer) {
      throw new Error('The sign-in answer came from another server.');
    }
    const error = parameters.get('error');
    if (error !== null) {
      if (pending.withAdmin && error === 'invalid_scope') return { pending, outcome: 'admin-refused' };
      throw new Error(parameters.get('error_description') ?? error);
    }
    await this.tokenRequest({
      grant_type: 'authorization_code',
      code: parameters.get('code') ?? '',
      redirect_uri: this.options.redirectUri,
      code_verifier: pending.verifier,
    });
    return { pending, outcome: 'signed-in' };
  }

  /** One renewal at a time; false when there is nothing to renew with or the server said no. */
  refresh(): Promise<boolean> {
    const refreshToken = this.tokens?.refreshToken;
    if (refreshToken === undefined) return Promise.resolve(false);
    this.refreshing ??= this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken })
      .then(() => true)
      .catch(() => {
        this.forget();
        return false;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /** Revokes the refresh token (RFC 7009), forgets every token, and ends the server session when it can. */
  async signOut(): Promise<void> {
    const tokens = this.tokens;
    this.forget();
    if (tokens?.refreshToken !== undefined) {
      await fetch(this.options.metadata.revocation_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: tokens.refreshToken, client_id: this.options.clientId }),
      }).catch(() => undefined);
    }
    const logout = this.options.metadata.end_session_endpoint;
    if (logout !== undefined) {
      const url = new URL(logout);
      if (tokens?.idToken !== undefined) url.searchParams.set('id_token_hint', tokens.idToken);
      url.searchParams.set('client_id', this.options.clientId);
      this.options.navigate(url.toString());
    }
  }

  private async tokenRequest(parameters: Record<string, string>): Promise<void> {
    const response = await fetch(this.options.metadata.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...parameters, client_id: this.options.clientId }),
    });
    if (!response.ok) throw await apiErrorFrom(response);
    const body = (await response.json()) as TokenEndpointResponse;
    this.tokens = {
      accessToken: body.access_token,
      refreshToken: body.refresh_token ?? this.tokens?.refreshToken,
      idToken: body.id_token ?? this.tokens?.idToken,
      scopes: body.scope.split(' '),
      expiresAt: Date.now() + body.expires_in * 1000,
    };
    this.scheduleRenewal(body.expires_in * 1000);
  }

  private scheduleRenewal(lifetimeMs: number): void {
    clearTimeout(this.renewal);
    const delay = Math.max(lifetimeMs - RENEW_AHEAD_MS, lifetimeMs / 2);
    this.renewal = setTimeout(() => void this.refresh(), delay);
  }

  private forget(): void {
    clearTimeout(this.renewal);
    this.tokens = undefined;
  }
}
