import { OAuthError } from '../../common/errors/oauth.error';
import type { OAuthParameters } from '../../common/http/oauth-parameters';

const MAX_AUDIENCE_LENGTH = 255;

/**
 * The `aud` a token exchange asks for: RFC 8707 §2 `resource` (an absolute URI without a fragment)
 * and RFC 8693 §2.1 `audience` (a logical name). None: this server's own resource routes.
 */
export function exchangeTargets(parameters: OAuthParameters): string[] {
  const targets: string[] = [];
  const resource = parameters.optional('resource');
  if (resource !== undefined) {
    if (!isAbsoluteUriWithoutFragment(resource) || resource.length > MAX_AUDIENCE_LENGTH) {
      throw new OAuthError('invalid_target', 'resource must be an absolute URI without a fragment (RFC 8707 §2)');
    }
    targets.push(resource);
  }
  const audience = parameters.optional('audience');
  if (audience !== undefined) {
    if (audience.length > MAX_AUDIENCE_LENGTH || /\s/.test(audience)) {
      throw new OAuthError(
        'invalid_target',
        `audience must be at most ${MAX_AUDIENCE_LENGTH} characters without spaces`,
      );
    }
    if (!targets.includes(audience)) targets.push(audience);
  }
  return targets;
}

function isAbsoluteUriWithoutFragment(value: string): boolean {
  try {
    new URL(value);
  } catch {
    return false;
  }
  return !value.includes('#');
}
