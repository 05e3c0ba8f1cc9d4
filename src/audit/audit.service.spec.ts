import { withoutSecrets } from './audit.service';

describe('audit details', () => {
  it('drops every key that names a secret and keeps the rest', () => {
    expect(
      withoutSecrets({
        password: 'p',
        client_secret: 's',
        Refresh_Token: 'r',
        access_token: 'a',
        authorization: 'Basic x',
        secret_hash: 'h',
        grant: 'password',
        scope: 'profile',
        access_token_ttl: 600,
      }),
    ).toEqual({ grant: 'password', scope: 'profile', access_token_ttl: 600 });
  });
});
