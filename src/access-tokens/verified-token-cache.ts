import type { AccessTokenPrincipal } from './access-token-principal';

export const DEFAULT_CACHE_SIZE = 10_000;

/**
 * Recently verified access tokens, so a busy client's repeated calls skip the signature check.
 * Bounded (least recently used goes first) and never outliving a token's `exp`. Revocation is not
 * its business: the verifier checks the revocation list on every hit.
 */
export class VerifiedTokenCache {
  // A Map iterates in insertion order; re-inserting on a hit makes its first key the least recently used.
  private readonly entries = new Map<string, AccessTokenPrincipal>();

  constructor(private readonly maxEntries: number = DEFAULT_CACHE_SIZE) {}

  get size(): number {
    return this.entries.size;
  }

  get(token: string, nowSeconds: number): AccessTokenPrincipal | undefined {
    const principal = this.entries.get(token);
    if (!principal) return undefined;
    this.entries.delete(token);
    if (principal.expiresAt <= nowSeconds) return undefined;
    this.entries.set(token, principal);
    return principal;
  }

  set(token: string, principal: AccessTokenPrincipal, nowSeconds: number): void {
    if (principal.expiresAt <= nowSeconds || this.maxEntries <= 0) return;
    this.entries.delete(token);
    if (this.entries.size >= this.maxEntries) this.evictOldest();
    this.entries.set(token, principal);
  }

  delete(token: string): void {
    this.entries.delete(token);
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}
