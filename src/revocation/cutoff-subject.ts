/** The keys of the cut-off list: one per user, per membership, per client. */
export const cutoffSubject = {
  user: (userId: string): string => `user:${userId}`,
  membership: (userId: string, organizationId: string): string => `user:${userId}:org:${organizationId}`,
  client: (clientId: string): string => `client:${clientId}`,
};
