import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

export interface TestOpenIdProvider {
  /** e.g. http://127.0.0.1:41234: the `iss` of its tokens. */
  issuer: string;
  /** The private signing key it publishes the public half of, for hand-made edge cases. */
  privateJwk: JWK & { kid: string };
  /** A real ID token issued by the provider to `clientId` (default: the mobile app's client id there). */
  idToken(
    claims: { sub: string; email?: string; email_verified?: boolean; name?: string },
    clientId?: string,
  ): Promise<string>;
  close(): Promise<void>;
}

/** Our mobile app's client id at the test provider: what an identity provider record lists in `audiences`. */
export const MOBILE_APP_CLIENT_ID = 'mobile-app';
/** Another app at the same provider: its tokens must never sign anyone in here. */
export const OTHER_APP_CLIENT_ID = 'other-app';

/**
 * A real OpenID provider in-process: `oidc-provider`, the certified Node OP, serving discovery and JWKS
 * over HTTP and issuing ID tokens with its own IdToken model (what its token endpoint uses).
 */
export async function startTestOpenIdProvider(): Promise<TestOpenIdProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid: `test-op-${Date.now()}`, alg: 'RS256', use: 'sig' };
  const client = (clientId: string) => ({
    client_id: clientId,
    client_secret: `${clientId}-secret-for-the-test-provider`,
    redirect_uris: [`com.example.${clientId.replace(/-/g, '')}:/callback`],
    application_type: 'native' as const,
  });
  const provider = new Provider(issuer, {
    clients: [client(MOBILE_APP_CLIENT_ID), client(OTHER_APP_CLIENT_ID)],
    jwks: { keys: [privateJwk] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    ttl: { IdToken: 600 },
    features: { devInteractions: { enabled: false } },
  });
  const handle = provider.callback();
  server.on('request', (request, response) => void handle(request, response));
  // The provider's first answers are slow (lazy setup); a real provider is warm when apps call it.
  await fetch(`${issuer}/.well-known/openid-configuration`);
  await fetch(`${issuer}/jwks`);

  return {
    issuer,
    privateJwk,
    async idToken(claims, clientId = MOBILE_APP_CLIENT_ID) {
      const registered = await provider.Client.find(clientId);
      if (!registered) throw new Error(`no client ${clientId} at the test provider`);
      const token = new provider.IdToken({ ...claims }, { client: registered });
      // The scope the claims are released for (the model reads it; the typings leave it out).
      Object.assign(token, { scope: 'openid email profile' });
      // As a mobile app's sign-in would: a fresh nonce makes every token distinct.
      token.set('nonce', randomUUID());
      return token.issue({ use: 'idtoken' });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
