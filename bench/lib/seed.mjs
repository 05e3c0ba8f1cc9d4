// Who the benchmark signs in as. The peers seed themselves (bench/peers/seed.js); our server is seeded through
// its public API, exactly as a developer would: sign up, sign in to the portal, register two apps.
export const BENCH_USER = { email: 'bench@example.com', password: 'bench-password-123' };
export const CONTACTS_SEEDED = 20;

/** The peers' fixed credentials (bench/peers/seed.js). */
export function peerTarget(server) {
  return {
    ...server,
    user: BENCH_USER,
    clients: {
      confidential: { id: 'bench-confidential', secret: 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz' },
      public: { id: 'bench-public' },
    },
  };
}

async function call(server, method, path, { token, json, form } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let body;
  if (json) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${server.name}: ${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Signs up the bench user, signs in with the portal client and registers a confidential and a public client. */
export async function seedOurServer(server, portalClientId = 'portal') {
  await call(server, 'POST', '/users', { json: { ...BENCH_USER, name: 'Bench' } });
  const portal = await call(server, 'POST', '/oauth/token', {
    form: {
      grant_type: 'password',
      username: BENCH_USER.email,
      password: BENCH_USER.password,
      client_id: portalClientId,
      scope: 'clients:write',
    },
  });
  const register = (body) => call(server, 'POST', '/clients', { token: portal.access_token, json: body });
  const scopes = ['contacts.read', 'contacts.write'];
  const confidential = await register({
    name: 'bench-confidential',
    grant_types: ['password', 'refresh_token', 'client_credentials'],
    scopes,
    confidential: true,
  });
  const publicClient = await register({
    name: 'bench-public',
    grant_types: ['password', 'refresh_token'],
    scopes,
    confidential: false,
  });
  return {
    ...server,
    user: BENCH_USER,
    clients: {
      confidential: { id: confidential.client_id, secret: confidential.client_secret },
      public: { id: publicClient.client_id },
    },
  };
}

/** Fills the user's address book, so GET /api/contacts reads a realistic page. */
export async function seedContacts(target, token) {
  for (let i = 0; i < CONTACTS_SEEDED; i++) {
    await call(target, 'POST', '/api/contacts', {
      token,
      json: { name: `Contact ${i}`, email: `contact${i}@example.com` },
    });
  }
}
