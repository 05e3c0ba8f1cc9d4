'use strict';
// CommonJS on purpose, so that plain `node` runs this file with no build step.
// Benchmark peer: @jmondi/oauth2-server v4 on Fastify 5, in-memory repositories.
// Issues JWT access tokens (HS256 by default, RS256 with PEER_JWT_ALG=RS256) and rotating JWT refresh tokens.
const { createSecretKey, generateKeyPairSync, randomBytes } = require('node:crypto');
const { createRequire } = require('node:module');
const querystring = require('node:querystring');
const { promisify } = require('node:util');
const Fastify = require('fastify');
const {
  AuthorizationServer,
  DateInterval,
  JwtService,
  OAuthException,
  generateRandomToken,
} = require('@jmondi/oauth2-server');
const { requestFromFastify, handleFastifyReply, handleFastifyError } = require('@jmondi/oauth2-server/fastify');
const seed = require('./seed');

// The stock JwtService calls jsonwebtoken's sign() without options (so always HS256) and verifies with the
// signing key, so RS256 needs our own JwtInterface: sign with the private key, verify with the public one.
// It uses the library's own jsonwebtoken, so RS256 differs from the default only by the algorithm.
function rs256JwtService() {
  const jwt = createRequire(require.resolve('@jmondi/oauth2-server'))('jsonwebtoken');
  const sign = promisify(jwt.sign);
  const verify = promisify(jwt.verify);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    sign: (payload) => sign(payload, privateKey, { algorithm: 'RS256' }),
    verify: (token, options) => verify(token, publicKey, { ...options, algorithms: ['RS256'] }),
    decode: (token) => jwt.decode(token),
  };
}

function jwtService() {
  const alg = process.env.PEER_JWT_ALG ?? 'HS256';
  if (alg === 'RS256') return rs256JwtService();
  // The library's own HS256 JwtService. The secret is a KeyObject, not a string: jsonwebtoken first tries to parse
  // a string as a PEM private key, and that failed parse costs ~0.7 ms per sign or verify (OpenSSL 3).
  if (alg === 'HS256') return new JwtService(createSecretKey(randomBytes(32)));
  throw new Error(`PEER_JWT_ALG must be HS256 or RS256, not ${alg}`);
}

function repositories({ user, clients, scopes }) {
  // The library's client entity; `secret` holds the SHA-256 of the secret (truthy = confidential client).
  const oauthClients = new Map(
    [...clients.values()].map((c) => [
      c.id,
      {
        id: c.id,
        name: c.id,
        secret: c.secretHash,
        redirectUris: [],
        allowedGrants: c.grants,
        scopes: c.scopes.map((name) => ({ name })),
      },
    ]),
  );
  const tokens = new Map(); // access token -> OAuthToken: the write a real repository does; nothing reads it here
  const refreshTokens = new Map(); // refresh token -> OAuthToken; removed on use, so each one works once

  const clientRepository = {
    async getByIdentifier(clientId) {
      const client = oauthClients.get(clientId);
      if (!client) throw OAuthException.invalidClient();
      return client;
    },
    async isClientValid(grantType, client, clientSecret) {
      return client.allowedGrants.includes(grantType) && seed.checkClientSecret(client.secret, clientSecret);
    },
  };

  const scopeRepository = {
    async getAllByIdentifiers(names) {
      return names.filter((name) => scopes.includes(name)).map((name) => ({ name }));
    },
    // Only the scopes the client is registered for.
    async finalize(requested, _grantType, client) {
      const denied = requested.find((s) => !client.scopes.some((allowed) => allowed.name === s.name));
      if (denied) throw OAuthException.invalidScope(denied.name);
      return requested;
    },
  };

  const userRepository = {
    async getUserByCredentials(email, password) {
      return (await seed.checkUser(user, email, password)) ?? undefined;
    },
  };

  const tokenRepository = {
    // The server overwrites accessTokenExpiresAt with the grant's TTL.
    async issueToken(client, tokenScopes, tokenUser) {
      return {
        accessToken: generateRandomToken(),
        accessTokenExpiresAt: new Date(),
        refreshToken: null,
        refreshTokenExpiresAt: null,
        client,
        user: tokenUser,
        scopes: tokenScopes,
      };
    },
    async persist(token) {
      tokens.set(token.accessToken, token);
    },
    async issueRefreshToken(token) {
      token.refreshToken = generateRandomToken();
      token.refreshTokenExpiresAt = new Date(Date.now() + seed.REFRESH_TOKEN_TTL_SECONDS * 1000);
      refreshTokens.set(token.refreshToken, token);
      return token;
    },
    async getByRefreshToken(refreshToken) {
      const token = refreshTokens.get(refreshToken);
      if (!token) throw OAuthException.invalidGrant('The refresh token was revoked or already used.');
      return token;
    },
    async isRefreshTokenRevoked(token) {
      return !refreshTokens.has(token.refreshToken);
    },
    // Called by the refresh_token grant on the old token: this is what makes refresh tokens rotate.
    async revoke(token) {
      tokens.delete(token.accessToken);
      refreshTokens.delete(token.refreshToken);
    },
  };

  return { clientRepository, scopeRepository, userRepository, tokenRepository };
}

async function main() {
  const { clientRepository, scopeRepository, userRepository, tokenRepository } = repositories(await seed.loadSeed());
  const server = new AuthorizationServer(clientRepository, tokenRepository, scopeRepository, jwtService());
  const ttl = new DateInterval(`${seed.ACCESS_TOKEN_TTL_SECONDS}s`);
  server.enableGrantTypes(
    [{ grant: 'password', userRepository }, ttl],
    ['refresh_token', ttl],
    ['client_credentials', ttl],
  );

  const app = Fastify();
  // Fastify 5 has no form parser; the token endpoint takes application/x-www-form-urlencoded (RFC 6749).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, querystring.parse(body)),
  );
  app.post('/oauth/token', async (req, reply) => {
    try {
      handleFastifyReply(reply, await server.respondToAccessTokenRequest(requestFromFastify(req)));
    } catch (e) {
      handleFastifyError(e, reply);
    }
    return reply;
  });

  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  // Before the ready line: a harness may send SIGTERM as soon as it reads it.
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => void app.close());
  console.log(JSON.stringify({ ready: true, port: app.server.address().port }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
