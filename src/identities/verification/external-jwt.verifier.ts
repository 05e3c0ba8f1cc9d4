import { Injectable } from '@nestjs/common';
import { decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { sha256Hex } from '../../common/crypto/secrets';
import { IdentityProvidersService } from '../identity-providers.service';
import type { IdentityProvider } from '../identity-provider.entity';
import { SpentExternalCredentialsRepository } from '../spent-external-credentials.repository';
import { ExternalCredentialRefused, IdentityProviderUnavailable } from './external-credential.errors';
import { ProviderKeySets } from './provider-key-sets';
import type { VerifiedExternalIdentity } from './verified-external-identity';

/**
 * Asymmetric signatures only: never `none`, never an HMAC, whose "secret" an attacker could take from
 * the provider's public key (RFC 8725 §2.1, §3.1).
 */
export const EXTERNAL_JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

/** Leeway for the provider's clock against ours, on `exp`, `nbf` and `iat`. */
export const EXTERNAL_CLOCK_TOLERANCE_SECONDS = 30;
/** An ID token or assertion issued longer ago than this is refused whatever its `exp` (RFC 7523 §3 item 6). */
const MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;

/**
 * Verifies an ID token or JWT assertion of an `oidc` identity provider (RFC 8693 §2.1 subject tokens of
 * type id_token or jwt; RFC 7523 §3 assertions) and spends it: each is accepted once.
 */
@Injectable()
export class ExternalJwtVerifier {
  constructor(
    private readonly providers: IdentityProvidersService,
    private readonly keySets: ProviderKeySets,
    private readonly spent: SpentExternalCredentialsRepository,
  ) {}

  async verify(token: string): Promise<VerifiedExternalIdentity> {
    const provider = await this.providerOf(token);
    const payload = await this.verifySignatureAndClaims(token, provider);
    const subject = payload.sub;
    if (typeof subject !== 'string' || subject.length === 0 || subject.length > 255) {
      throw new ExternalCredentialRefused('invalid_claims', 'The token has no usable sub claim');
    }
    await this.spend(token, payload, provider);
    return {
      provider,
      subject,
      email: typeof payload.email === 'string' && payload.email.length <= 254 ? payload.email : null,
      emailVerified: isAssertedTrue(payload.email_verified),
      name: typeof payload.name === 'string' ? payload.name.slice(0, 200) : null,
    };
  }

  /** RFC 8693 §2.1: the token's own `iss` names the provider; only configured `oidc` providers are trusted. */
  private async providerOf(token: string): Promise<IdentityProvider> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new ExternalCredentialRefused('malformed', 'The token is not a JWT');
    }
    const provider = typeof issuer === 'string' ? await this.providers.findByIssuer(issuer) : null;
    if (!provider || provider.type !== 'oidc') {
      throw new ExternalCredentialRefused(
        'unknown_issuer',
        'The token was not issued by a configured identity provider',
      );
    }
    return provider;
  }

  private async verifySignatureAndClaims(token: string, provider: IdentityProvider): Promise<JWTPayload> {
    const getKey = await this.keySets.keyResolver(provider);
    try {
      const { payload } = await jwtVerify(token, getKey, {
        algorithms: EXTERNAL_JWT_ALGORITHMS,
        issuer: provider.issuer ?? undefined,
        // A token minted for another app must never sign anyone in here (the confused deputy).
        audience: provider.audiences,
        clockTolerance: EXTERNAL_CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      return payload;
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) throw error;
      throw refusalFor(error);
    }
  }

  /** Single use across every instance: by issuer and `jti`, or by the token's hash when it has none. */
  private async spend(token: string, payload: JWTPayload, provider: IdentityProvider): Promise<void> {
    const key =
      typeof payload.jti === 'string' && payload.jti.length > 0
        ? sha256Hex(`jti\n${provider.issuer ?? ''}\n${payload.jti}`)
        : sha256Hex(`jwt\n${token}`);
    const keptUntil = new Date(((payload.exp ?? 0) + EXTERNAL_CLOCK_TOLERANCE_SECONDS) * 1000);
    await this.spent.deleteExpired(new Date());
    if (!(await this.spent.spend(key, keptUntil))) {
      throw new ExternalCredentialRefused('replayed', 'The token has been used already');
    }
  }
}

/** OpenID Connect Core §5.1 says boolean; Apple sends the string "true". Anything else is not an assertion. */
function isAssertedTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function refusalFor(error: unknown): ExternalCredentialRefused {
  if (error instanceof errors.JWTExpired) return new ExternalCredentialRefused('expired', 'The token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'aud':
        return new ExternalCredentialRefused('wrong_audience', 'The token was issued for another audience');
      case 'iss':
        return new ExternalCredentialRefused('wrong_issuer', 'The token issuer does not match its provider');
      case 'nbf':
        return new ExternalCredentialRefused('not_yet_valid', 'The token is not valid yet');
      case 'iat':
        return new ExternalCredentialRefused('not_yet_valid', 'The token was issued in the future');
      default:
        return new ExternalCredentialRefused('invalid_claims', `The token's ${error.claim} claim is not acceptable`);
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new ExternalCredentialRefused('algorithm_not_allowed', 'The token is not signed with an accepted algorithm');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new ExternalCredentialRefused(
      'bad_signature',
      'The token signature does not verify with the provider’s keys',
    );
  }
  return new ExternalCredentialRefused('malformed', 'The token is malformed');
}
