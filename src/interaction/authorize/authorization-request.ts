import { parseScopeParameter } from '../../scopes/scope-decision';
import { OAuthParameters } from '../../common/http/oauth-parameters';
import { AuthorizationError } from './authorization-error';

export type Prompt = 'none' | 'login' | 'consent';
const PROMPTS: readonly string[] = ['none', 'login', 'consent'];

/** RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const MAX_STATE_LENGTH = 2000;
const MAX_NONCE_LENGTH = 500;
const MAX_LOGIN_HINT_LENGTH = 320;
/** Far above a key's 40 characters: a longer value names no organization, and is refused as malformed. */
const MAX_ORGANIZATION_LENGTH = 100;

/** A validated authorization request (client and redirect URI are checked before, by the service). */
export interface AuthorizationRequest {
  scope: string[] | undefined;
  codeChallenge: string;
  nonce: string | undefined;
  prompt: ReadonlySet<Prompt>;
  maxAgeSeconds: number | undefined;
  /** May be `email@org-key`, which names an organization like the `organization` parameter. */
  loginHint: string | undefined;
  organization: string | undefined;
}

/** The parameters of an authorization request, and the names that came more than once. */
export interface AuthorizationParameters {
  parameters: OAuthParameters;
  repeated: string[];
}

/**
 * The raw query of /oauth/authorize (also carried by the sign-in and consent forms). A repeated
 * parameter is left out, so a repeated client_id or redirect_uri cannot be trusted for a redirect,
 * and is reported once the redirect URI is known (RFC 6749 §3.1: "MUST NOT be included more than once").
 */
export function authorizationParameters(rawQuery: string): AuthorizationParameters {
  const values = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    if (values.has(name)) repeated.add(name);
    values.set(name, value);
  }
  for (const name of repeated) values.delete(name);
  return { parameters: OAuthParameters.fromBody(Object.fromEntries(values)), repeated: [...repeated] };
}

/** RFC 6749 §4.1.1, RFC 7636 §4.3, OpenID Connect Core §3.1.2.1. Throws AuthorizationError (to be redirected). */
export function parseAuthorizationRequest(parameters: OAuthParameters): AuthorizationRequest {
  if (parameters.optional('request') !== undefined) {
    throw new AuthorizationError('request_not_supported', 'Request objects are not supported');
  }
  if (parameters.optional('request_uri') !== undefined) {
    throw new AuthorizationError('request_uri_not_supported', 'request_uri is not supported');
  }
  const responseType = parameters.required('response_type');
  if (responseType !== 'code') {
    throw new AuthorizationError('unsupported_response_type', 'Only response_type=code is supported');
  }
  const responseMode = parameters.optional('response_mode');
  if (responseMode !== undefined && responseMode !== 'query') {
    throw new AuthorizationError('invalid_request', 'Only response_mode=query is supported');
  }
  return {
    scope: parseScopeParameter(parameters.optional('scope')),
    codeChallenge: codeChallengeOf(parameters),
    nonce: bounded(parameters, 'nonce', MAX_NONCE_LENGTH),
    prompt: promptOf(parameters.optional('prompt')),
    maxAgeSeconds: maxAgeOf(parameters.optional('max_age')),
    loginHint: bounded(parameters, 'login_hint', MAX_LOGIN_HINT_LENGTH),
    organization: bounded(parameters, 'organization', MAX_ORGANIZATION_LENGTH),
  };
}

/** `state` is echoed as it came (RFC 6749 §4.1.2), within a sane length. */
export function stateOf(parameters: OAuthParameters): string | undefined {
  const state = parameters.optional('state');
  return state !== undefined && state.length <= MAX_STATE_LENGTH ? state : undefined;
}

/** RFC 9700 §2.1.1: PKCE for every client; `plain` would hand the challenge to whoever sees the request. */
function codeChallengeOf(parameters: OAuthParameters): string {
  const challenge = parameters.optional('code_challenge');
  if (challenge === undefined)
    throw new AuthorizationError('invalid_request', 'code_challenge is required (PKCE, RFC 7636)');
  const method = parameters.optional('code_challenge_method');
  if (method !== 'S256') throw new AuthorizationError('invalid_request', 'code_challenge_method must be S256');
  if (!S256_CHALLENGE.test(challenge)) {
    throw new AuthorizationError('invalid_request', 'code_challenge must be 43 base64url characters (RFC 7636 §4.2)');
  }
  return challenge;
}

function promptOf(raw: string | undefined): ReadonlySet<Prompt> {
  const values = raw === undefined ? [] : raw.split(' ').filter(Boolean);
  const unknown = values.find((value) => !PROMPTS.includes(value));
  if (unknown !== undefined) throw new AuthorizationError('invalid_request', 'prompt may be none, login or consent');
  const prompt = new Set(values as Prompt[]);
  // OpenID Connect Core §3.1.2.1: none with any other value is an error.
  if (prompt.has('none') && prompt.size > 1)
    throw new AuthorizationError('invalid_request', 'prompt=none cannot be combined');
  return prompt;
}

function maxAgeOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw new AuthorizationError('invalid_request', 'max_age must be a number of seconds');
  return Number(raw);
}

function bounded(parameters: OAuthParameters, name: string, maxLength: number): string | undefined {
  const value = parameters.optional(name);
  if (value !== undefined && value.length > maxLength) {
    throw new AuthorizationError('invalid_request', `${name} is longer than ${maxLength} characters`);
  }
  return value;
}
