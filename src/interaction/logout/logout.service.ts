import { Injectable } from '@nestjs/common';
import type { Client } from '../../clients/client.entity';
import { ClientsService } from '../../clients/clients.service';
import { IdTokenHint, IdTokenHintVerifier } from '../../oidc/id-token-hint.verifier';
import type { OAuthParameters } from '../../common/http/oauth-parameters';
import type { AuthorizationParameters } from '../authorize/authorization-request';
import { stateOf } from '../authorize/authorization-request';
import type { Session } from '../sessions/session.entity';

/** A logout request read and checked: who asks, and where the browser may go afterwards. */
export interface LogoutRequest {
  client: Client | undefined;
  hint: IdTokenHint | undefined;
  /** A registered post_logout_redirect_uri with `state` added; undefined when there is none to use. */
  redirectTo: string | undefined;
  /** Why a requested redirect is not followed, shown on the signed-out page. */
  redirectRefused: string | undefined;
}

/**
 * OpenID Connect RP-Initiated Logout 1.0. The browser is redirected only to a
 * post_logout_redirect_uri registered, character for character, by the client the request proves
 * (id_token_hint) or names (client_id) — never anywhere else (no open redirect, RFC 9700 §4.11).
 */
@Injectable()
export class LogoutService {
  constructor(
    private readonly clients: ClientsService,
    private readonly hints: IdTokenHintVerifier,
  ) {}

  async read({ parameters, repeated }: AuthorizationParameters): Promise<LogoutRequest> {
    const rawHint = parameters.optional('id_token_hint');
    const hint = rawHint === undefined ? undefined : await this.hints.verify(rawHint);
    const refused = (redirectRefused: string, client?: Client): LogoutRequest => ({
      client,
      hint,
      redirectTo: undefined,
      redirectRefused: parameters.optional('post_logout_redirect_uri') === undefined ? undefined : redirectRefused,
    });
    if (repeated.length > 0) return refused(`Parameter "${repeated[0].slice(0, 40)}" is repeated`);
    if (rawHint !== undefined && !hint) return refused('The id_token_hint is not a valid ID token of this server');
    const clientId = parameters.optional('client_id');
    // §2: with both, the client_id must be an audience of the ID token.
    if (clientId !== undefined && hint && !hint.audience.includes(clientId)) {
      return refused('The client_id is not the audience of the id_token_hint');
    }
    const client = await this.clientOf(clientId ?? hint?.audience[0]);
    if (!client) return refused('The application is unknown');
    return { ...this.redirectFor(parameters, client), client, hint };
  }

  /** §2: the OP asks the user unless the hint shows the logout comes from this very session's RP. */
  needsConfirmation(request: LogoutRequest, session: Session | null): boolean {
    if (!session) return false;
    const { hint } = request;
    if (!hint || hint.sub !== session.userId) return true;
    return hint.sid !== undefined && hint.sid !== session.sid;
  }

  private redirectFor(
    parameters: OAuthParameters,
    client: Client,
  ): Pick<LogoutRequest, 'redirectTo' | 'redirectRefused'> {
    const uri = parameters.optional('post_logout_redirect_uri');
    if (uri === undefined) return { redirectTo: undefined, redirectRefused: undefined };
    // §3: exact match against the registered list.
    if (!client.postLogoutRedirectUris.includes(uri)) {
      return { redirectTo: undefined, redirectRefused: 'The post_logout_redirect_uri is not registered' };
    }
    const url = new URL(uri);
    const state = stateOf(parameters);
    if (state !== undefined) url.searchParams.append('state', state);
    return { redirectTo: url.toString(), redirectRefused: undefined };
  }

  private async clientOf(clientId: string | undefined): Promise<Client | undefined> {
    if (clientId === undefined) return undefined;
    const client = await this.clients.findByClientId(clientId);
    return client && !client.disabled ? client : undefined;
  }
}
