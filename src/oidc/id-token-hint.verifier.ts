import { Injectable } from '@nestjs/common';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { AppConfig } from '../config/app-config';
import { SIGNING_ALGORITHMS } from '../common/crypto/signing-algorithms';
import { SigningKeysService } from '../tokens/keys/signing-keys.service';

/** What an ID token this server issued says about who signed in where. */
export interface IdTokenHint {
  sub: string;
  /** The client_ids the token was issued to (Core §2: a string or a list). */
  audience: string[];
  sid?: string;
}

const ALGORITHMS: readonly string[] = SIGNING_ALGORITHMS;
const MAX_HINT_LENGTH = 8 * 1024;

/**
 * RP-Initiated Logout 1.0 §2: the `id_token_hint` must be an ID token this server issued (our key,
 * our `iss`), but it may have expired: the RP often holds nothing newer. Returns undefined for
 * anything else, never throws.
 */
@Injectable()
export class IdTokenHintVerifier {
  constructor(
    private readonly config: AppConfig,
    private readonly signingKeys: SigningKeysService,
  ) {}

  async verify(token: string): Promise<IdTokenHint | undefined> {
    if (token.length > MAX_HINT_LENGTH) return undefined;
    try {
      const { kid, alg, typ } = decodeProtectedHeader(token);
      // Our ID tokens carry typ JWT; an access token (typ at+jwt, the same keys) never stands in for one.
      if (!kid || !alg || !ALGORITHMS.includes(alg) || typ !== 'JWT') return undefined;
      const key = await this.signingKeys.verificationKey(kid);
      // The key decides the algorithm, never the token (RFC 8725 §3.1).
      if (!key || key.alg !== alg) return undefined;
      const { payload } = await compactVerify(token, key.publicKey, { algorithms: [alg] });
      return this.hintOf(JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>);
    } catch {
      return undefined;
    }
  }

  private hintOf(claims: Record<string, unknown>): IdTokenHint | undefined {
    const { iss, sub, aud, sid } = claims;
    if (iss !== this.config.issuer || typeof sub !== 'string') return undefined;
    const audience =
      typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a) => typeof a === 'string') : [];
    if (audience.length === 0) return undefined;
    return { sub, audience, ...(typeof sid === 'string' ? { sid } : {}) };
  }
}
