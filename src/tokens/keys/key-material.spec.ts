import { calculateJwkThumbprint, compactVerify, importJWK } from 'jose';
import { SIGNING_ALGORITHMS } from '../../common/crypto/signing-algorithms';
import { generateSigningKeyPair, jwkThumbprint, publicJwk } from './key-material';
import { signCompactJws } from './jws';

describe.each(SIGNING_ALGORITHMS)('key material for %s', (alg) => {
  it('computes the kid as the RFC 7638 thumbprint jose computes', async () => {
    const { publicKey } = await generateSigningKeyPair(alg);
    const jwk = publicKey.export({ format: 'jwk' });
    expect(jwkThumbprint(publicKey)).toBe(
      await calculateJwkThumbprint(jwk as Parameters<typeof calculateJwkThumbprint>[0]),
    );
  });

  it('signs a JWS that jose verifies with the published JWK, and publishes no private part', async () => {
    const { privateKey, publicKey } = await generateSigningKeyPair(alg);
    const jwk = publicJwk(publicKey, 'kid-1', alg);
    expect(jwk).toMatchObject({ kid: 'kid-1', alg, use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
    const token = await signCompactJws({ alg, typ: 'at+jwt', kid: 'kid-1' }, { sub: 'someone' }, privateKey);
    const { payload, protectedHeader } = await compactVerify(token, await importJWK(jwk as never, alg));
    expect(protectedHeader).toEqual({ alg, typ: 'at+jwt', kid: 'kid-1' });
    expect(JSON.parse(Buffer.from(payload).toString('utf8'))).toEqual({ sub: 'someone' });
  });
});
