// The requests of each scenario, identical for our server and the peers (only the credentials differ).
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const SCOPE = 'contacts.read';

const form = (fields) => new URLSearchParams(fields).toString();
const basic = ({ id, secret }) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** A token response carries an access token. */
export const hasAccessToken = (body) => body.includes('"access_token"');

/** Mobile-app sign-in: the public client, the user's email and password (RFC 6749 §4.3). */
export function passwordGrant(target) {
  return [
    {
      method: 'POST',
      path: '/oauth/token',
      headers: FORM,
      body: form({
        grant_type: 'password',
        username: target.user.email,
        password: target.user.password,
        client_id: target.clients.public.id,
        scope: SCOPE,
      }),
    },
  ];
}

/** A confidential client's own token, authenticated with HTTP Basic (RFC 6749 §4.4). `onToken` sees each one. */
export function clientCredentialsGrant(target, onToken) {
  return [
    {
      method: 'POST',
      path: '/oauth/token',
      headers: { ...FORM, authorization: basic(target.clients.confidential) },
      body: form({ grant_type: 'client_credentials', scope: SCOPE }),
      onResponse(status, body) {
        if (onToken && status === 200) onToken(JSON.parse(body).access_token);
      },
    },
  ];
}

/**
 * Refresh-token rotation as apps do it: each request spends one refresh token and its response gives the next
 * (RFC 6749 §6). `pool` starts with more tokens than connections; a token is taken out before it is sent and
 * its successor put back, so no token is ever sent twice (a reuse would revoke its family).
 */
export function refreshTokenGrant(target, pool) {
  return [
    {
      method: 'POST',
      path: '/oauth/token',
      headers: FORM,
      setupRequest(request) {
        request.body = form({
          grant_type: 'refresh_token',
          // A dry pool (not enough seeded tokens) sends a token that fails, so the run counts errors.
          refresh_token: pool.pop() ?? 'pool-ran-dry',
          client_id: target.clients.public.id,
        });
        return request;
      },
      onResponse(status, body) {
        if (status === 200) pool.push(JSON.parse(body).refresh_token);
      },
    },
  ];
}

/** A GET with one bearer token, the same on every request (the verified-token cache hits). */
export function bearerGet(path, token) {
  return [{ method: 'GET', path, headers: { authorization: `Bearer ${token}` } }];
}

/** A GET with a different, never seen token on each request (every one pays a signature check). */
export function bearerGetEachFresh(path, tokens) {
  let next = 0;
  return [
    {
      method: 'GET',
      path,
      setupRequest(request) {
        // Past the end of the pool, a token that fails, so the run counts errors rather than reusing one.
        request.headers = { authorization: `Bearer ${tokens[next++] ?? 'pool-ran-dry'}` };
        return request;
      },
    },
  ];
}

/** A GET with no credentials. */
export function plainGet(path) {
  return [{ method: 'GET', path }];
}

/** Mints tokens one request at a time, outside any measurement (refresh-token pools, user tokens). */
export async function passwordGrantOnce(target, scope = SCOPE) {
  const response = await fetch(`${target.url}/oauth/token`, {
    method: 'POST',
    headers: FORM,
    body: form({
      grant_type: 'password',
      username: target.user.email,
      password: target.user.password,
      client_id: target.clients.public.id,
      scope,
    }),
  });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`${target.name}: password grant failed: ${JSON.stringify(body)}`);
  return body;
}

/**
 * Fills `pool` up to `count` fresh refresh tokens, minted a few at a time, outside any measurement. A run that
 * ends drops the requests in flight, and the tokens they carried (spent or not) with them, so top up before each.
 */
export async function refreshTokenPool(target, count, pool = []) {
  while (pool.length < count) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(4, count - pool.length) }, () => passwordGrantOnce(target)),
    );
    pool.push(...batch.map((body) => body.refresh_token));
  }
  return pool;
}
