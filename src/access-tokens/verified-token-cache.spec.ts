import type { AccessTokenPrincipal } from './access-token-principal';
import { VerifiedTokenCache } from './verified-token-cache';

const principal = (jti: string, expiresAt: number): AccessTokenPrincipal => ({
  subject: 'user-1',
  userId: 'user-1',
  clientId: 'portal',
  scopes: ['contacts.read'],
  issuedAtMs: 0,
  jti,
  expiresAt,
});

describe('VerifiedTokenCache', () => {
  const NOW = 1_000_000;

  it('returns what was stored until the token expires, then forgets it', () => {
    const cache = new VerifiedTokenCache(10);
    cache.set('token-a', principal('a', NOW + 60), NOW);
    expect(cache.get('token-a', NOW + 59.9)?.jti).toBe('a');
    expect(cache.get('token-a', NOW + 60)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never stores a token that has already expired', () => {
    const cache = new VerifiedTokenCache(10);
    cache.set('token-a', principal('a', NOW), NOW);
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('token-a', principal('a', NOW + 60), NOW);
    cache.set('token-b', principal('b', NOW + 60), NOW);
    expect(cache.get('token-a', NOW)?.jti).toBe('a'); // a is now the most recently used
    cache.set('token-c', principal('c', NOW + 60), NOW);
    expect(cache.size).toBe(2);
    expect(cache.get('token-b', NOW)).toBeUndefined();
    expect(cache.get('token-a', NOW)?.jti).toBe('a');
    expect(cache.get('token-c', NOW)?.jti).toBe('c');
  });

  it('stays bounded under many distinct tokens', () => {
    const cache = new VerifiedTokenCache(100);
    for (let i = 0; i < 1000; i++) cache.set(`token-${i}`, principal(String(i), NOW + 60), NOW);
    expect(cache.size).toBe(100);
    expect(cache.get('token-999', NOW)?.jti).toBe('999');
    expect(cache.get('token-0', NOW)).toBeUndefined();
  });

  it('forgets a deleted token', () => {
    const cache = new VerifiedTokenCache(10);
    cache.set('token-a', principal('a', NOW + 60), NOW);
    cache.delete('token-a');
    expect(cache.get('token-a', NOW)).toBeUndefined();
  });
});
