import { randomBytes } from 'node:crypto';
import { Client } from '../../src/clients/client.entity';
import { generateSecret, sha256Hex } from '../../src/common/crypto/secrets';
import type { TestApp } from './test-app';

export interface TestClient {
  client: Client;
  clientId: string;
  /** Undefined for public clients. */
  clientSecret?: string;
}

/**
 * A client row written straight to the database, for shapes the portal API refuses on purpose
 * (a public client allowed client_credentials, a short access-token lifetime, a disabled client).
 */
export async function insertClient(
  server: TestApp,
  overrides: Partial<
    Pick<Client, 'confidential' | 'grantTypes' | 'scopes' | 'ownerId' | 'disabled' | 'canIntrospect'>
  > &
    Partial<Pick<Client, 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds'>> = {},
): Promise<TestClient> {
  const client = new Client();
  client.clientId = `test-${randomBytes(8).toString('hex')}`;
  client.name = 'test client';
  client.grantTypes = ['password', 'refresh_token', 'client_credentials'];
  client.scopes = ['profile', 'contacts.read', 'contacts.write'];
  Object.assign(client, overrides);
  const clientSecret = client.confidential ? generateSecret() : undefined;
  client.secretHash = clientSecret ? sha256Hex(clientSecret) : null;
  await server.dataSource.getRepository(Client).insert(client);
  return { client, clientId: client.clientId, clientSecret };
}

/** RFC 6749 §2.3.1: client_secret_basic form-urlencodes id and secret before base64. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (value: string): string => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}
