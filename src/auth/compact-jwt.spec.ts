import { checkClaims, JwtClaimError, splitCompactJwt, type ClaimsRules } from './compact-jwt';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const RULES: ClaimsRules = {
  typ: 'at+jwt',
  issuer: 'https://as.test',
  audience: 'https://as.test',
  requiredClaims: ['exp', 'iat', 'sub'],
  clockToleranceSeconds: 5,
};
const now = (): number => Math.floor(Date.now() / 1000);
const valid = () => ({ iss: RULES.issuer, aud: RULES.audience, sub: 's', iat: now(), exp: now() + 60 });

function claimError(header: Record<string, unknown>, claims: Record<string, unknown>): JwtClaimError | undefined {
  try {
    checkClaims(header, claims, RULES);
    return undefined;
  } catch (error) {
    if (error instanceof JwtClaimError) return error;
    throw error;
  }
}

describe('splitCompactJwt', () => {
  it('splits three base64url segments with a JSON object header', () => {
    const jwt = splitCompactJwt(`${b64({ alg: 'ES256' })}.${b64({ sub: 's' })}.c2ln`);
    expect(jwt?.header).toEqual({ alg: 'ES256' });
    expect(jwt?.signature.toString()).toBe('sig');
  });

  it.each([
    ['two segments', `${b64({ alg: 'ES256' })}.${b64({})}`],
    ['four segments', `${b64({ alg: 'ES256' })}.${b64({})}.a.b`],
    ['an empty header', `.${b64({})}.c2ln`],
    ['a header that is not JSON', `bm90LWpzb24.${b64({})}.c2ln`],
    ['a header that is an array', `${b64(['ES256'])}.${b64({})}.c2ln`],
    ['a character outside base64url in the signature', `${b64({ alg: 'ES256' })}.${b64({})}.c2l+`],
  ])('refuses %s', (_case, token) => {
    expect(splitCompactJwt(token)).toBeUndefined();
  });
});

describe('checkClaims', () => {
  it('accepts a valid set, and typ written as a media type in any case', () => {
    expect(claimError({ typ: 'at+jwt' }, valid())).toBeUndefined();
    expect(claimError({ typ: 'application/AT+JWT' }, valid())).toBeUndefined();
    expect(claimError({ typ: 'at+jwt' }, { ...valid(), aud: ['other', RULES.audience] })).toBeUndefined();
  });

  it.each([
    ['typ', { typ: 'JWT' }, {}],
    ['typ', {}, {}],
    ['sub', { typ: 'at+jwt' }, { sub: undefined }],
    ['iss', { typ: 'at+jwt' }, { iss: 'https://evil.test' }],
    ['aud', { typ: 'at+jwt' }, { aud: ['other'] }],
    ['iat', { typ: 'at+jwt' }, { iat: '1' }],
    ['nbf', { typ: 'at+jwt' }, { nbf: now() + 60 }],
    ['exp', { typ: 'at+jwt' }, { exp: String(now() + 60) }],
  ])('names %s when it is unacceptable', (claim, header, change) => {
    const claims: Record<string, unknown> = { ...valid(), ...change };
    for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
    expect(claimError(header, claims)?.claim).toBe(claim);
  });

  it('says expired past the tolerance, not within it', () => {
    expect(claimError({ typ: 'at+jwt' }, { ...valid(), exp: now() - 6 })).toMatchObject({
      claim: 'exp',
      expired: true,
    });
    expect(claimError({ typ: 'at+jwt' }, { ...valid(), exp: now() - 1 })).toBeUndefined();
  });
});
