import { BearerTokenError } from '../common/errors/bearer-token.error';
import { BearerTokenCarrier, extractBearerToken } from './bearer-token-extractor';

const FORM = 'application/x-www-form-urlencoded';

function request(parts: Partial<BearerTokenCarrier> & { authorization?: string; contentType?: string }) {
  return {
    method: parts.method ?? 'GET',
    headers: { authorization: parts.authorization, 'content-type': parts.contentType },
    body: parts.body,
    query: parts.query ?? {},
  };
}

function errorOf(run: () => unknown): BearerTokenError {
  try {
    run();
  } catch (error) {
    if (error instanceof BearerTokenError) return error;
    throw error;
  }
  throw new Error('expected a BearerTokenError');
}

describe('extractBearerToken (RFC 6750 §2)', () => {
  const denyQuery = { allowQueryToken: false };
  const allowQuery = { allowQueryToken: true };

  it('finds nothing in a bare request', () => {
    expect(extractBearerToken(request({}), denyQuery)).toBeUndefined();
  });

  it.each(['Bearer abc.DEF-_~+/xyz==', 'bearer abc.DEF-_~+/xyz==', 'BEARER   abc.DEF-_~+/xyz==  '])(
    'reads the header %j',
    (authorization) => {
      expect(extractBearerToken(request({ authorization }), denyQuery)).toEqual({
        token: 'abc.DEF-_~+/xyz==',
        source: 'header',
      });
    },
  );

  it('ignores another scheme', () => {
    expect(extractBearerToken(request({ authorization: 'Basic Zm9vOmJhcg==' }), denyQuery)).toBeUndefined();
    expect(extractBearerToken(request({ authorization: 'Bearerish abc' }), denyQuery)).toBeUndefined();
  });

  it.each(['Bearer', 'Bearer ', 'Bearer a b', 'Bearer a=b', 'Bearer "abc"', 'Bearer\tabc', 'Bearer é'])(
    'refuses the malformed header %j as invalid_request',
    (authorization) => {
      expect(errorOf(() => extractBearerToken(request({ authorization }), denyQuery)).code).toBe('invalid_request');
    },
  );

  it('reads a form body field and removes it', () => {
    const body: Record<string, unknown> = { access_token: 'tok', name: 'x' };
    const found = extractBearerToken(
      request({ method: 'POST', contentType: `${FORM}; charset=utf-8`, body }),
      denyQuery,
    );
    expect(found).toEqual({ token: 'tok', source: 'body' });
    expect(body).toEqual({ name: 'x' });
  });

  it('ignores the body field of a JSON body or a GET', () => {
    const json = { access_token: 'tok' };
    expect(
      extractBearerToken(request({ method: 'POST', contentType: 'application/json', body: json }), denyQuery),
    ).toBeUndefined();
    expect(extractBearerToken(request({ method: 'GET', contentType: FORM, body: json }), denyQuery)).toBeUndefined();
    expect(json).toEqual({ access_token: 'tok' });
  });

  it('refuses a repeated or empty body field', () => {
    const repeated = request({ method: 'POST', contentType: FORM, body: { access_token: ['a', 'b'] } });
    expect(errorOf(() => extractBearerToken(repeated, denyQuery)).code).toBe('invalid_request');
    const empty = request({ method: 'POST', contentType: FORM, body: { access_token: '' } });
    expect(errorOf(() => extractBearerToken(empty, denyQuery)).code).toBe('invalid_request');
  });

  it('reads the query parameter only when allowed, and removes it', () => {
    const query: Record<string, unknown> = { access_token: 'tok', limit: '5' };
    expect(extractBearerToken(request({ query }), allowQuery)).toEqual({ token: 'tok', source: 'query' });
    expect(query).toEqual({ limit: '5' });
    expect(errorOf(() => extractBearerToken(request({ query: { access_token: 'tok' } }), denyQuery)).code).toBe(
      'invalid_request',
    );
  });

  it('refuses a token in more than one place', () => {
    const twice = request({
      method: 'POST',
      authorization: 'Bearer tok',
      contentType: FORM,
      body: { access_token: 'tok' },
    });
    expect(errorOf(() => extractBearerToken(twice, denyQuery)).code).toBe('invalid_request');
    const headerAndQuery = request({ authorization: 'Bearer tok', query: { access_token: 'tok' } });
    expect(errorOf(() => extractBearerToken(headerAndQuery, allowQuery)).code).toBe('invalid_request');
  });
});
