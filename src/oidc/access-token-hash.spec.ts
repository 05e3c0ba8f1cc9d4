import { accessTokenHash } from './access-token-hash';

describe('accessTokenHash (OpenID Connect Core §3.1.3.6 at_hash)', () => {
  // A published vector (the oidc-token-hash package's README), independent of this implementation.
  const accessToken =
    'YmJiZTAwYmYtMzgyOC00NzhkLTkyOTItNjJjNDM3MGYzOWIy9sFhvH8K_x8UIHj1osisS57f5DduL-ar_qw5jl3lthwpMjm283aVMQXDmoqqqydDSqJfbhptzw8rUVwkuQbolw';

  it('RS256 and ES256: the left 128 bits of SHA-256, base64url', () => {
    expect(accessTokenHash(accessToken, 'RS256')).toBe('x7vk7f6BvQj0jQHYFIk4ag');
    expect(accessTokenHash(accessToken, 'ES256')).toBe('x7vk7f6BvQj0jQHYFIk4ag');
  });

  it('EdDSA (Ed25519): the left 256 bits of SHA-512', () => {
    const hash = accessTokenHash(accessToken, 'EdDSA');
    expect(Buffer.from(hash, 'base64url')).toHaveLength(32);
    expect(hash).not.toBe(accessTokenHash(accessToken, 'RS256'));
  });
});
