import type { Client } from './client.entity';

/**
 * Whether an app's password grant waits for an admin's approval (`first_party`): an app registered
 * through the portal (it has an owner) that holds the grant. Until then it signs in its owner only,
 * so nobody can build an app that collects other users' passwords (RFC 9700 §2.4).
 */
export function awaitsPasswordGrantApproval(client: Pick<Client, 'ownerId' | 'firstParty' | 'grantTypes'>): boolean {
  return client.ownerId !== null && !client.firstParty && client.grantTypes.includes('password');
}
