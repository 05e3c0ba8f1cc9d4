import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { TtlCache } from '../../common/cache/ttl-cache';
import { AppConfig } from '../../config/app-config';
import type { IdentityProvider } from '../identity-provider.entity';
import { providerUrlViolation } from '../provider-url-policy';
import { IdentityProviderUnavailable } from './external-credential.errors';
import { getProviderJson } from './provider-http';

/** How long a discovery document's `jwks_uri` is trusted before it is read again. */
const DISCOVERY_TTL_MS = 60 * 60_000;
/** jose keeps each key set this long, and refetches sooner for an unknown `kid` (after the cooldown). */
const JWKS_MAX_AGE_MS = 10 * 60_000;
const JWKS_COOLDOWN_MS = 30_000;
const MAX_KEY_SETS = 100;

/** What a key lookup may fail with that says something about the token, not about the provider. */
const TOKEN_FAULTS = [errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys, errors.JOSENotSupported];

/**
 * The signing keys of `oidc` identity providers, each set fetched with jose's remote JWK set: cached,
 * refreshed when a token names an unknown `kid`, every fetch bounded by IDP_HTTP_TIMEOUT_MS.
 */
@Injectable()
export class ProviderKeySets {
  private readonly discovered = new TtlCache<string>(DISCOVERY_TTL_MS, MAX_KEY_SETS);
  private readonly keySets = new Map<string, JWTVerifyGetKey>();
  private readonly timeoutMs: number;
  private readonly allowHttp: boolean;

  constructor(config: AppConfig) {
    this.timeoutMs = config.identityProviderTimeoutMs;
    this.allowHttp = new URL(config.issuer).protocol === 'http:';
  }

  /** A key resolver for `jwtVerify`; provider faults surface as IdentityProviderUnavailable. */
  async keyResolver(provider: IdentityProvider): Promise<JWTVerifyGetKey> {
    const jwksUri = provider.jwksUri ?? (await this.discoverJwksUri(provider));
    const remote = this.keySetFor(jwksUri);
    return async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (TOKEN_FAULTS.some((fault) => error instanceof fault)) throw error;
        throw new IdentityProviderUnavailable(provider.alias);
      }
    };
  }

  private keySetFor(jwksUri: string): JWTVerifyGetKey {
    let keySet = this.keySets.get(jwksUri);
    if (!keySet) {
      if (this.keySets.size >= MAX_KEY_SETS) this.keySets.delete(this.keySets.keys().next().value as string);
      keySet = createRemoteJWKSet(new URL(jwksUri), {
        timeoutDuration: this.timeoutMs,
        cooldownDuration: JWKS_COOLDOWN_MS,
        cacheMaxAge: JWKS_MAX_AGE_MS,
      });
      this.keySets.set(jwksUri, keySet);
    }
    return keySet;
  }

  /** OpenID Connect Discovery 1.0 §4: the document's `issuer` must be the provider's exactly (§4.3). */
  private async discoverJwksUri(provider: IdentityProvider): Promise<string> {
    const issuer = provider.issuer ?? '';
    const jwksUri = await this.discovered.getOrLoad(issuer, async () => {
      const url = new URL(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
      const { status, body } = await getProviderJson(url, provider.alias, this.timeoutMs);
      const document = (status === 200 && typeof body === 'object' ? body : null) as {
        issuer?: unknown;
        jwks_uri?: unknown;
      } | null;
      const found = document?.jwks_uri;
      const acceptable =
        document?.issuer === issuer &&
        typeof found === 'string' &&
        providerUrlViolation('jwks_uri', found, { allowHttp: this.allowHttp }) === undefined;
      return acceptable ? found : null;
    });
    if (!jwksUri) throw new IdentityProviderUnavailable(provider.alias);
    return jwksUri;
  }
}
