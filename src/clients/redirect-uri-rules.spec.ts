import { checkRedirectUris, isRegisteredRedirectUri } from './redirect-uri-rules';

const allowed =
  (uri: string, issuerIsHttp = false) =>
  () =>
    checkRedirectUris('redirect_uris', [uri], issuerIsHttp);

describe('redirect URI registration rules', () => {
  it.each([
    'https://app.example.com/callback',
    'https://app.example.com/cb?tenant=1',
    'http://127.0.0.1/callback',
    'http://127.0.0.1:8400/callback',
    'http://[::1]:8400/callback',
    'http://localhost:3000/callback',
    'com.example.app:/callback',
    'com.example.app:/oauth2redirect/example-provider',
  ])('accepts %s', (uri) => {
    expect(allowed(uri)).not.toThrow();
  });

  it.each([
    ['https://app.example.com/callback#', 'fragment'],
    ['https://app.example.com/callback#x', 'fragment'],
    ['http://app.example.com/callback', 'must use https'],
    ['http://127.0.0.2/callback', 'must use https'],
    ['javascript:alert(1)', 'private-use scheme'],
    ['data:text/html,hi', 'private-use scheme'],
    ['file:///etc/passwd', 'private-use scheme'],
    ['myapp:/callback', 'private-use scheme'],
    ['/relative/callback', 'absolute'],
    ['https://user:pass@app.example.com/cb', 'credentials'],
  ])('refuses %s', (uri, reason) => {
    expect(allowed(uri)).toThrow(reason);
  });

  it('names the field and the URI', () => {
    expect(() => checkRedirectUris('post_logout_redirect_uris', ['ftp://x.example/'], false)).toThrow(
      'post_logout_redirect_uris: "ftp://x.example/"',
    );
  });

  it('allows http elsewhere only when the issuer itself is http', () => {
    expect(allowed('http://app.example.com/callback', true)).not.toThrow();
  });
});

describe('redirect URI matching (RFC 6749 §3.1.2.3, RFC 8252 §7.3)', () => {
  const registered = [
    'https://app.example.com/cb',
    'http://127.0.0.1/cb',
    'http://[::1]:9000/cb',
    'http://localhost:3000/cb',
  ];

  it('matches a registered URI exactly', () => {
    expect(isRegisteredRedirectUri('https://app.example.com/cb', registered)).toBe(true);
    expect(isRegisteredRedirectUri('http://localhost:3000/cb', registered)).toBe(true);
  });

  it('lets a loopback IP literal use any port', () => {
    expect(isRegisteredRedirectUri('http://127.0.0.1:51234/cb', registered)).toBe(true);
    expect(isRegisteredRedirectUri('http://[::1]:1/cb', registered)).toBe(true);
  });

  it.each([
    'https://app.example.com/cb/',
    'https://app.example.com/cb?x=1',
    'https://APP.example.com/cb',
    'https://app.example.com/cb#frag',
    'http://127.0.0.1:51234/other',
    'http://127.0.0.1:51234/cb#x',
    'http://user@127.0.0.1:51234/cb',
    'http://localhost:3001/cb',
    'https://127.0.0.1/cb',
    'not a uri',
  ])('does not match %s', (uri) => {
    expect(isRegisteredRedirectUri(uri, registered)).toBe(false);
  });
});
