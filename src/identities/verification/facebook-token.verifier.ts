import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import type { IdentityProvider } from '../identity-provider.entity';
import { DEFAULT_GRAPH_API_URL, IdentityProvidersService } from '../identity-providers.service';
import { ExternalCredentialRefused, IdentityProviderUnavailable } from './external-credential.errors';
import { getProviderJson, type ProviderResponse } from './provider-http';
import type { VerifiedExternalIdentity } from './verified-external-identity';

/** Graph API `debug_token` answer: https://developers.facebook.com/docs/graph-api/reference/debug_token */
interface DebugTokenData {
  app_id?: unknown;
  type?: unknown;
  is_valid?: unknown;
  expires_at?: unknown;
  user_id?: unknown;
}

/** Graph API `/me` answer with `fields=id,email,name`. */
interface MeData {
  id?: unknown;
  email?: unknown;
  name?: unknown;
}

/**
 * Checks a classic Facebook Login access token with the provider itself (RFC 8693 §2.1 with
 * `subject_issuer`): `debug_token` with the app token says whether it is valid, for which app and
 * until when; only then is `/me` asked who it belongs to.
 */
@Injectable()
export class FacebookTokenVerifier {
  private readonly timeoutMs: number;

  constructor(
    config: AppConfig,
    private readonly providers: IdentityProvidersService,
  ) {
    this.timeoutMs = config.identityProviderTimeoutMs;
  }

  async verify(token: string, provider: IdentityProvider): Promise<VerifiedExternalIdentity> {
    const appSecret = this.providers.appSecret(provider);
    if (!provider.appId || !appSecret) throw new IdentityProviderUnavailable(provider.alias);
    const graph = (provider.graphApiUrl ?? DEFAULT_GRAPH_API_URL).replace(/\/+$/, '');

    const debug = await this.get(provider, `${graph}/debug_token`, {
      input_token: token,
      access_token: `${provider.appId}|${appSecret}`,
    });
    const data = (debug.body as { data?: DebugTokenData } | null)?.data;
    if (!data || data.is_valid !== true) {
      throw new ExternalCredentialRefused('invalid_token', 'Facebook says the access token is not valid');
    }
    // A token Facebook issued to another app must never sign anyone in here (the confused deputy).
    if (graphId(data.app_id) !== provider.appId) {
      throw new ExternalCredentialRefused('other_app', 'The access token was issued to another Facebook app');
    }
    if (typeof data.expires_at !== 'number' || data.expires_at * 1000 <= Date.now()) {
      throw new ExternalCredentialRefused('expired', 'The access token has expired');
    }

    const me = await this.get(provider, `${graph}/me`, {
      fields: 'id,email,name',
      access_token: token,
      // Graph API "Securing requests": proves the call comes from the app's server.
      appsecret_proof: createHmac('sha256', appSecret).update(token).digest('hex'),
    });
    const profile = (me.body ?? {}) as MeData;
    if (typeof profile.id !== 'string' || (data.user_id !== undefined && graphId(data.user_id) !== profile.id)) {
      throw new ExternalCredentialRefused('invalid_token', 'Facebook did not say whom the access token belongs to');
    }
    return {
      provider,
      subject: profile.id,
      email: typeof profile.email === 'string' && profile.email.length <= 254 ? profile.email : null,
      // Graph API has no verification flag for email: a Facebook email is never treated as verified.
      emailVerified: false,
      name: typeof profile.name === 'string' ? profile.name.slice(0, 200) : null,
    };
  }

  /** Graph API errors for a bad token are 4xx with an `error` object; 5xx or no answer is an outage. */
  private async get(
    provider: IdentityProvider,
    base: string,
    query: Record<string, string>,
  ): Promise<ProviderResponse> {
    const url = new URL(base);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const response = await getProviderJson(url, provider.alias, this.timeoutMs);
    if (response.status >= 500) throw new IdentityProviderUnavailable(provider.alias);
    if (response.status !== 200) {
      throw new ExternalCredentialRefused('invalid_token', 'Facebook refused the access token');
    }
    return response;
  }
}

/** Graph API ids are numeric strings; some answers give them as numbers. */
function graphId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}
