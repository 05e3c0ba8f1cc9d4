import { Injectable } from '@nestjs/common';
import { IdentityProvidersService } from '../identity-providers.service';
import { ExternalCredentialRefused } from './external-credential.errors';
import { ExternalJwtVerifier } from './external-jwt.verifier';
import { FacebookTokenVerifier } from './facebook-token.verifier';
import type { VerifiedExternalIdentity } from './verified-external-identity';

/** RFC 8693 §3 token type identifiers. */
export const TOKEN_TYPE = {
  accessToken: 'urn:ietf:params:oauth:token-type:access_token',
  refreshToken: 'urn:ietf:params:oauth:token-type:refresh_token',
  idToken: 'urn:ietf:params:oauth:token-type:id_token',
  jwt: 'urn:ietf:params:oauth:token-type:jwt',
} as const;

export interface ExternalCredential {
  token: string;
  tokenType: string;
  /** RFC 8693 §2.1 `subject_issuer`: the provider alias, for opaque tokens. */
  issuer?: string;
}

/** Turns an external credential into the identity it proves, or refuses it. */
@Injectable()
export class ExternalCredentialsService {
  constructor(
    private readonly providers: IdentityProvidersService,
    private readonly jwts: ExternalJwtVerifier,
    private readonly facebook: FacebookTokenVerifier,
  ) {}

  async verify({ token, tokenType, issuer }: ExternalCredential): Promise<VerifiedExternalIdentity> {
    if (tokenType === TOKEN_TYPE.idToken || tokenType === TOKEN_TYPE.jwt) {
      // The JWT's own `iss` finds its provider; a subject_issuer beside it must not point elsewhere.
      const identity = await this.jwts.verify(token);
      if (issuer !== undefined && issuer !== identity.provider.alias) {
        throw new ExternalCredentialRefused('wrong_issuer', 'subject_issuer does not name the token’s issuer');
      }
      return identity;
    }
    if (tokenType === TOKEN_TYPE.accessToken && issuer !== undefined) {
      const provider = await this.providers.findByAlias(issuer);
      if (!provider)
        throw new ExternalCredentialRefused('unknown_provider', `Unknown subject_issuer "${issuer.slice(0, 40)}"`);
      if (provider.type !== 'facebook') {
        throw new ExternalCredentialRefused(
          'unsupported_token_type',
          `Provider "${provider.alias}" accepts ID tokens and JWTs, not opaque access tokens`,
        );
      }
      return this.facebook.verify(token, provider);
    }
    throw new ExternalCredentialRefused(
      'unsupported_token_type',
      'This token type is not accepted from identity providers',
    );
  }
}
