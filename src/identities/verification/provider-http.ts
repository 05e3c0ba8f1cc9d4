import { IdentityProviderUnavailable } from './external-credential.errors';

export interface ProviderResponse {
  status: number;
  body: unknown;
}

/**
 * GET a JSON document from an identity provider, within `timeoutMs`. A timeout, a network failure, a
 * redirect or a body that is not JSON means the provider is unavailable; any status is returned to the
 * caller, who knows what the provider's error answers look like.
 */
export async function getProviderJson(url: URL, providerAlias: string, timeoutMs: number): Promise<ProviderResponse> {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      // Admin-configured URLs only; a redirect could lead anywhere, so none is followed.
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, body: await response.json() };
  } catch {
    throw new IdentityProviderUnavailable(providerAlias);
  }
}
