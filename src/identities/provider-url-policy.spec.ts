import { providerUrlViolation } from './provider-url-policy';

describe('providerUrlViolation', () => {
  const strict = { allowHttp: false };

  it('accepts https URLs', () => {
    expect(
      providerUrlViolation('issuer', 'https://accounts.google.com', { ...strict, isIssuer: true }),
    ).toBeUndefined();
    expect(providerUrlViolation('jwks_uri', 'https://idp.example/keys?v=2', strict)).toBeUndefined();
  });

  it('refuses http unless the server itself is http', () => {
    expect(providerUrlViolation('issuer', 'http://idp.example', strict)).toMatch(/https/);
    expect(providerUrlViolation('issuer', 'http://127.0.0.1:4000', { allowHttp: true })).toBeUndefined();
  });

  it('refuses other schemes, credentials, fragments, relative URLs and an issuer with a query', () => {
    expect(providerUrlViolation('jwks_uri', 'file:///etc/passwd', { allowHttp: true })).toMatch(/http/);
    expect(providerUrlViolation('jwks_uri', 'https://user:pw@idp.example/keys', strict)).toMatch(/credentials/);
    expect(providerUrlViolation('jwks_uri', 'https://idp.example/keys#x', strict)).toMatch(/fragment/);
    expect(providerUrlViolation('jwks_uri', '/keys', strict)).toMatch(/absolute/);
    expect(providerUrlViolation('issuer', 'https://idp.example/?tenant=1', { ...strict, isIssuer: true })).toMatch(
      /query/,
    );
  });
});
