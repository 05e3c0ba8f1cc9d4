import { OAuthError } from '../common/errors/oauth.error';
import { basicClientCredentials } from './client-basic-credentials';

const basic = (raw: string, scheme = 'Basic') => `${scheme} ${Buffer.from(raw, 'utf8').toString('base64')}`;

describe('basicClientCredentials (RFC 6749 §2.3.1)', () => {
  it.each([
    [basic('my-client:my-secret'), { clientId: 'my-client', clientSecret: 'my-secret' }],
    [basic('my-client:my-secret', 'bAsIc'), { clientId: 'my-client', clientSecret: 'my-secret' }],
    // The id and secret are form-urlencoded; a colon in the secret stays in it (RFC 7617 §2).
    [basic('id%3Awith+colon:s%C3%A9cret%2B1:tail'), { clientId: 'id:with colon', clientSecret: 'sécret+1:tail' }],
    // A public client identifies itself with an empty secret.
    [basic('public-app:'), { clientId: 'public-app', clientSecret: '' }],
  ])('%s', (header, expected) => {
    expect(basicClientCredentials(header)).toEqual(expected);
  });

  it.each([
    ['Bearer abc'],
    ['Basic'],
    [basic('no-colon')],
    [basic(':secret-without-id')],
    [`${basic('a:b')} extra`],
    [basic('bad%zzescape:secret')],
  ])('refuses %j as invalid_client with a Basic challenge', (header) => {
    let error: unknown;
    try {
      basicClientCredentials(header);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ code: 'invalid_client', options: { basicAuthUsed: true } });
  });
});
