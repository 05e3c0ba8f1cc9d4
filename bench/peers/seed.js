'use strict';
// CommonJS on purpose, so that plain `node` runs this file with no build step.
// Seed data shared by the benchmark peers, so that each does the same work per request as our server.
const { createHash, timingSafeEqual } = require('node:crypto');
const { hash, verify } = require('@node-rs/argon2');

// The argon2id cost our server uses. `algorithm: 2` is Algorithm.Argon2id: that enum is a TypeScript
// const enum, so its runtime object is empty and `Algorithm.Argon2id` would be undefined in plain JS.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

// Our server's default ACCESS_TOKEN_TTL and REFRESH_TOKEN_TTL.
const ACCESS_TOKEN_TTL_SECONDS = 3600;
const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3600;

const SCOPES = ['contacts.read', 'contacts.write'];
const USER = { id: 'bench-user', email: 'bench@example.com', password: 'bench-password-123' };
const CLIENTS = [
  {
    id: 'bench-confidential',
    secret: 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    grants: ['password', 'refresh_token', 'client_credentials'],
  },
  { id: 'bench-public', secret: null, grants: ['password', 'refresh_token'] },
];

const sha256 = (value) => createHash('sha256').update(value).digest();

/** Hashes the password and the client secrets, as they would be stored. */
async function loadSeed() {
  const user = { id: USER.id, email: USER.email, passwordHash: await hash(USER.password, ARGON2_OPTIONS) };
  const clients = new Map(
    CLIENTS.map(({ id, secret, grants }) => [
      id,
      { id, secretHash: secret ? sha256(secret) : null, grants, scopes: SCOPES },
    ]),
  );
  return { user, clients, scopes: SCOPES };
}

/** The seeded user if `email` and `password` match it, else null; the password check is a real argon2 verify. */
async function checkUser(user, email, password) {
  return email === user.email && (await verify(user.passwordHash, password)) ? user : null;
}

/** A confidential client must present its secret; a public client (no hash) must present none. */
function checkClientSecret(secretHash, presented) {
  if (!secretHash) return !presented;
  // Both sides are SHA-256 digests, so they have the same length, as timingSafeEqual requires.
  return typeof presented === 'string' && timingSafeEqual(secretHash, sha256(presented));
}

module.exports = {
  ARGON2_OPTIONS,
  ACCESS_TOKEN_TTL_SECONDS,
  REFRESH_TOKEN_TTL_SECONDS,
  loadSeed,
  checkUser,
  checkClientSecret,
};
