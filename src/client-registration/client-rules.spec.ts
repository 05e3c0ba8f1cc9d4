import { DomainError } from '../common/errors/domain.error';
import { checkClientRedirects, checkClientScopes, checkGrantTypes } from './client-rules';

const SCOPES = [
  { name: 'profile', adminOnly: false },
  { name: 'admin', adminOnly: true },
];

describe('client rules', () => {
  it('accepts the supported grant types', () => {
    expect(() => checkGrantTypes(['password', 'refresh_token', 'client_credentials'], true)).not.toThrow();
    expect(() => checkGrantTypes(['password', 'refresh_token'], false)).not.toThrow();
  });

  it('refuses an unsupported grant type, naming it', () => {
    expect(() => checkGrantTypes(['implicit'], true)).toThrow(
      new DomainError('bad_request', 'grant_types: "implicit" is not a supported grant type'),
    );
  });

  it('refuses client_credentials for a public client (RFC 6749 §4.4)', () => {
    expect(() => checkGrantTypes(['client_credentials'], false)).toThrow(/confidential/);
  });

  it('accepts existing scopes and refuses unknown ones', () => {
    expect(() => checkClientScopes(['profile'], SCOPES, false)).not.toThrow();
    expect(() => checkClientScopes(['nope'], SCOPES, false)).toThrow('scopes: "nope" does not exist');
  });

  it('gives admin-only scopes only when an admin decides', () => {
    expect(() => checkClientScopes(['admin'], SCOPES, false)).toThrow('scopes: "admin" is restricted to admins');
    expect(() => checkClientScopes(['admin'], SCOPES, true)).not.toThrow();
  });
});

describe('client redirect settings', () => {
  const client = {
    grantTypes: ['authorization_code'],
    redirectUris: ['https://app.example/cb'],
    postLogoutRedirectUris: [],
  };

  it('needs a redirect URI for the authorization_code grant (RFC 6749 §3.1.2.2)', () => {
    expect(() => checkClientRedirects(client, false)).not.toThrow();
    expect(() => checkClientRedirects({ ...client, redirectUris: [] }, false)).toThrow(
      'redirect_uris: the authorization_code grant needs at least one',
    );
  });

  it('checks the post-logout redirect URIs by the same rules', () => {
    expect(() => checkClientRedirects({ ...client, postLogoutRedirectUris: ['http://app.example/'] }, false)).toThrow(
      'post_logout_redirect_uris',
    );
  });
});
