import { randomBytes } from 'node:crypto';
import { signIn, type TestUser } from '../../factories';
import type { TestApp } from '../../support/test-app';

/** Every scope an organizations test needs beside the orgs ones. */
export const ORG_SCOPES = 'profile orgs:read orgs:write';

export const aKey = (): string => `org-${randomBytes(5).toString('hex')}`;

export function signInForOrgs(server: TestApp, user: TestUser): Promise<string> {
  return signIn(server, user, ORG_SCOPES);
}

/** Creates an organization through POST /orgs with the token's user as its owner. */
export async function anOrganization(server: TestApp, token: string, key = aKey()): Promise<string> {
  const response = await server.http
    .post('/orgs')
    .auth(token, { type: 'bearer' })
    .send({ key, name: `Org ${key}` });
  if (response.status !== 201)
    throw new Error(`org creation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return key;
}

export async function addMember(
  server: TestApp,
  token: string,
  key: string,
  member: TestUser,
  role: 'owner' | 'admin' | 'member',
): Promise<void> {
  const response = await server.http
    .post(`/orgs/${key}/members`)
    .auth(token, { type: 'bearer' })
    .send({ email: member.email, role });
  if (response.status !== 201) throw new Error(`adding failed: ${response.status} ${JSON.stringify(response.body)}`);
}
