import { OAuthError } from '../errors/oauth.error';
import { OAuthParameters } from './oauth-parameters';

const errorOf = (run: () => unknown): OAuthError | undefined => {
  try {
    run();
  } catch (error) {
    return error as OAuthError;
  }
  return undefined;
};

describe('OAuthParameters', () => {
  it('reads present parameters, treats empty values as omitted (RFC 6749 §3.1), ignores unknown ones', () => {
    const parameters = OAuthParameters.fromBody({ grant_type: 'password', scope: '', extra: 'x' });
    expect(parameters.required('grant_type')).toBe('password');
    expect(parameters.optional('scope')).toBeUndefined();
    expect(parameters.optional('missing')).toBeUndefined();
  });

  it('an absent body has no parameters', () => {
    expect(OAuthParameters.fromBody(undefined).optional('grant_type')).toBeUndefined();
  });

  it.each([
    [
      'a missing required parameter',
      () => OAuthParameters.fromBody({}).required('grant_type'),
      'Missing parameter "grant_type"',
    ],
    [
      'a repeated parameter (RFC 6749 §3.2)',
      () => OAuthParameters.fromBody({ scope: ['a', 'b'] }),
      'Parameter "scope" is repeated',
    ],
    [
      'a non-string JSON value',
      () => OAuthParameters.fromBody({ grant_type: 1 }),
      'Parameter "grant_type" must be a string',
    ],
    ['a body that is not an object', () => OAuthParameters.fromBody('grant_type=password'), 'The body must be'],
    ['a JSON array body', () => OAuthParameters.fromBody([]), 'The body must be'],
  ])('invalid_request: %s', (_case, run, description) => {
    const error = errorOf(run);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error?.code).toBe('invalid_request');
    expect(error?.description).toContain(description);
  });
});
