import { AtRestCipher } from './at-rest-cipher';

describe('AtRestCipher', () => {
  const secret = 'a-key-encryption-secret-of-32-characters!';

  it('round-trips, and never stores the plaintext', () => {
    const cipher = new AtRestCipher(secret);
    const stored = cipher.encrypt('-----BEGIN PRIVATE KEY-----');
    expect(stored).not.toContain('PRIVATE KEY');
    expect(cipher.decrypt(stored)).toBe('-----BEGIN PRIVATE KEY-----');
  });

  it('refuses another secret and tampered ciphertext (GCM authentication)', () => {
    const stored = new AtRestCipher(secret).encrypt('plaintext');
    expect(() => new AtRestCipher(`${secret}x`).decrypt(stored)).toThrow();
    const parts = stored.split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => new AtRestCipher(secret).decrypt(parts.join(':'))).toThrow();
    expect(() => new AtRestCipher(secret).decrypt('not-encrypted')).toThrow(/format/);
  });
});
