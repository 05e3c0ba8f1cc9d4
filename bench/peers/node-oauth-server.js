'use strict';
// CommonJS on purpose, so that plain `node` runs this file with no build step.
// Benchmark peer: @node-oauth/oauth2-server v5 on Fastify 5, in-memory model.
// Issues opaque (random hex) access and refresh tokens; refresh tokens rotate (alwaysIssueNewRefreshToken).
const querystring = require('node:querystring');
const Fastify = require('fastify');
const OAuth2Server = require('@node-oauth/oauth2-server');
const { Request, Response } = OAuth2Server;
const seed = require('./seed');

function model({ user, clients }) {
  const tokens = new Map(); // access token -> token: the write a real model does; nothing reads it here
  const refreshTokens = new Map(); // refresh token -> token; removed on use, so each one works once

  return {
    async getClient(clientId, clientSecret) {
      const client = clients.get(clientId);
      return client && seed.checkClientSecret(client.secretHash, clientSecret) ? client : null;
    },
    async getUser(email, password) {
      return seed.checkUser(user, email, password);
    },
    // client_credentials tokens act for the client itself; the library requires a truthy user.
    async getUserFromClient(client) {
      return client;
    },
    // Only the scopes the client is registered for; no requested scope gives a token without scope.
    async validateScope(_user, client, requested = []) {
      return requested.every((s) => client.scopes.includes(s)) ? requested : false;
    },
    async saveToken(token, client, tokenUser) {
      const saved = { ...token, client, user: tokenUser };
      tokens.set(saved.accessToken, saved);
      if (saved.refreshToken) refreshTokens.set(saved.refreshToken, saved);
      return saved;
    },
    async getRefreshToken(refreshToken) {
      return refreshTokens.get(refreshToken) ?? null;
    },
    // Called by the refresh_token grant on the old token: this is what makes refresh tokens rotate.
    async revokeToken(token) {
      tokens.delete(token.accessToken);
      return refreshTokens.delete(token.refreshToken);
    },
  };
}

async function main() {
  const oauth = new OAuth2Server({
    model: model(await seed.loadSeed()),
    accessTokenLifetime: seed.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenLifetime: seed.REFRESH_TOKEN_TTL_SECONDS,
    alwaysIssueNewRefreshToken: true,
    // The public client sends only client_id; getClient still demands the secret of a confidential client.
    requireClientAuthentication: { password: false, refresh_token: false },
  });

  const app = Fastify();
  // Fastify 5 has no form parser; the token endpoint takes application/x-www-form-urlencoded (RFC 6749).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, querystring.parse(body)),
  );
  app.post('/oauth/token', async (req, reply) => {
    const request = new Request({ headers: req.headers, method: req.method, query: req.query, body: req.body });
    const response = new Response();
    try {
      await oauth.token(request, response);
      return reply.status(response.status).headers(response.headers).send(response.body);
    } catch (err) {
      // An OAuthError carries the HTTP status (`code`) and the RFC 6749 error code (`name`).
      return reply
        .status(err.code ?? 500)
        .headers(response.headers)
        .send({ error: err.name, error_description: err.message });
    }
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
