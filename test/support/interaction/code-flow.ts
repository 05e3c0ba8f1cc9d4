import type { Response } from 'supertest';
import type { TestApp } from '../test-app';
import { Browser, pkcePair } from './browser';

/** An authorization request's path for a client, with a fresh PKCE challenge unless given one. */
export function authorizePath(
  clientId: string,
  redirectUri: string,
  overrides: Record<string, string | undefined> = {},
  challenge = pkcePair().challenge,
): string {
  const parameters = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'openid profile',
    state: 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const defined = Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return `/oauth/authorize?${new URLSearchParams(defined).toString()}`;
}

/**
 * Signs the user in through the form (allowing consent when asked) and trades the code for tokens,
 * as a public client would.
 */
export async function codeFlowTokens(
  server: TestApp,
  browser: Browser,
  user: { email: string; password: string },
  clientId: string,
  redirectUri: string,
): Promise<{ access_token: string; id_token: string; refresh_token: string }> {
  const { verifier, challenge } = pkcePair();
  const page = await browser.get(authorizePath(clientId, redirectUri, {}, challenge));
  let response: Response = await browser.submit(page, '/interaction/sign-in', {
    email: user.email,
    password: user.password,
  });
  if (response.status === 200) response = await browser.submit(response, '/interaction/consent', { decision: 'allow' });
  const code = new URL(response.headers.location).searchParams.get('code');
  if (!code) throw new Error(`no code: ${response.status} ${response.headers.location}`);
  const tokens = await server.http.post('/oauth/token').type('form').send({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
    client_id: clientId,
  });
  if (tokens.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(tokens.body)}`);
  return tokens.body as { access_token: string; id_token: string; refresh_token: string };
}
