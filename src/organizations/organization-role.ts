/** The roles of a member, strongest first. */
export const ORGANIZATION_ROLES = ['owner', 'admin', 'member'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/**
 * Whether a member holding `held` may act where `required` is needed: roles nest, so an owner may do
 * what an admin may, and an admin what a member may.
 */
export function roleSatisfies(held: string, required: OrganizationRole): boolean {
  const rank = (ORGANIZATION_ROLES as readonly string[]).indexOf(held);
  return rank !== -1 && rank <= ORGANIZATION_ROLES.indexOf(required);
}
