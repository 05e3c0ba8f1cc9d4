import type { Membership } from './organizations.repository';

/** What a token issued for an organization says about it: `org_id`, `org` (the key) and `org_roles`. */
export interface OrganizationClaims {
  id: string;
  key: string;
  roles: readonly string[];
}

export function organizationClaims({ organization, role }: Membership): OrganizationClaims {
  return { id: organization.id, key: organization.key, roles: [role] };
}

/** The JWT claims of a token issued for an organization (access and ID tokens alike). */
export function organizationClaimSet(organization: OrganizationClaims): {
  org_id: string;
  org: string;
  org_roles: string[];
} {
  return { org_id: organization.id, org: organization.key, org_roles: [...organization.roles] };
}
