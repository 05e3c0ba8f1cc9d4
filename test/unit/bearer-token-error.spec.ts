import { BearerTokenError } from '../../src/common/errors/bearer-token.error';

const REALM = 'https://auth.example.test';

describe('BearerTokenError (RFC 6750 §3)', () => {
  it('challenges a request without a token with the realm only, and answers 401', () => {
    const error = new BearerTokenError(undefined, 'An access token is required');
    expect(error.status).toBe(401);
    expect(error.challenge(REALM)).toBe(`Bearer realm="${REALM}"`);
  });

  it('names the error and its description', () => {
    const error = new BearerTokenError('invalid_token', 'The access token has expired');
    expect(error.status).toBe(401);
    expect(error.challenge(REALM)).toBe(
      `Bearer realm="${REALM}", error="invalid_token", error_description="The access token has expired"`,
    );
    expect(new BearerTokenError('invalid_request', 'x').status).toBe(400);
  });

  it('lists the required scopes on insufficient_scope, and leaves scope out when there are none', () => {
    const error = new BearerTokenError('insufficient_scope', 'Needs more', ['contacts.read', 'contacts.write']);
    expect(error.status).toBe(403);
    expect(error.challenge(REALM)).toBe(
      `Bearer realm="${REALM}", error="insufficient_scope", error_description="Needs more", scope="contacts.read contacts.write"`,
    );
    expect(new BearerTokenError('insufficient_scope', 'No user').challenge(REALM)).not.toContain('scope=');
  });

  it('drops characters a quoted value may not hold (quotes, backslashes, control and non-ASCII)', () => {
    const error = new BearerTokenError('invalid_token', 'a "quoted" \\ value\r\nwith é');
    expect(error.challenge(REALM)).toBe(
      `Bearer realm="${REALM}", error="invalid_token", error_description="a quoted  valuewith "`,
    );
  });
});
