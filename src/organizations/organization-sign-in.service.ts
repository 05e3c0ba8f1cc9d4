import { Injectable } from '@nestjs/common';
import { OAuthError } from '../common/errors/oauth.error';
import { type OrganizationClaims, organizationClaims } from './organization-claims';
import { parseSignInName, type SignInName } from './organization-key';
import { OrganizationsRepository } from './organizations.repository';

/** The outcome of the organization check of a sign-in; a refusal must be answered exactly like a wrong password. */
export type OrganizationDecision = { allowed: false } | { allowed: true; organization?: OrganizationClaims };

/** A user id no membership has: a sign-in with no user still pays for the same one membership query. */
const NO_USER = '';

/**
 * Signing in for an organization (the password grant, the sign-in page): `username=email@org-key` or
 * the `organization` parameter, and the rule that an org app signs in only its organization's members.
 */
@Injectable()
export class OrganizationSignInService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  /**
   * The email and organization a sign-in names. Both forms naming different organizations is
   * `invalid_request` (RFC 6749 §5.2: a malformed request), decided before any password is checked.
   */
  resolve(username: string, organizationParameter: string | undefined): SignInName {
    const name = parseSignInName(username);
    const parameter = organizationParameter?.toLowerCase();
    if (parameter === undefined) return name;
    if (name.organizationKey !== undefined && name.organizationKey !== parameter) {
      throw new OAuthError(
        'invalid_request',
        'The username and the organization parameter name different organizations',
      );
    }
    return { email: name.email, organizationKey: parameter };
  }

  /**
   * Whether the user (undefined when the credentials were wrong) may sign in for what was named, and
   * through this client: an org app signs its own organization's members in, always for it. Every path
   * with an organization runs one membership query, so unknown organization, non-member and wrong
   * password cost the same.
   */
  async decide(
    name: SignInName,
    userId: string | undefined,
    client: { organizationId: string | null },
  ): Promise<OrganizationDecision> {
    const { organizationKey } = name;
    if (client.organizationId !== null) {
      const membership = await this.organizations.membershipById(client.organizationId, userId ?? NO_USER);
      if (!membership) return { allowed: false };
      if (organizationKey !== undefined && membership.organization.key !== organizationKey) return { allowed: false };
      return { allowed: true, organization: organizationClaims(membership) };
    }
    if (organizationKey === undefined) return { allowed: true };
    const membership = await this.organizations.membership(organizationKey, userId ?? NO_USER);
    return membership ? { allowed: true, organization: organizationClaims(membership) } : { allowed: false };
  }

  /**
   * The organization a sign-in page shows: the one the request names (echoed whether or not it exists),
   * else an org app's own (not a secret: the app belongs to it).
   */
  async shownOrganization(name: SignInName, client: { organizationId: string | null }): Promise<string | undefined> {
    if (name.organizationKey !== undefined) return name.organizationKey;
    if (client.organizationId === null) return undefined;
    return (await this.organizations.findById(client.organizationId))?.key;
  }

  /**
   * The organization of a token made from another of ours (token exchange): the subject token's, with
   * the member's role as it is now; an org app's own for its members (as on sign-in). Refused: the
   * subject is no longer a member, or an org app exchanges for another organization or an outsider.
   */
  async carriedOver(
    subjectOrganizationId: string | undefined,
    userId: string,
    client: { organizationId: string | null },
  ): Promise<OrganizationDecision> {
    const organizationId = subjectOrganizationId ?? client.organizationId;
    if (organizationId === null) return { allowed: true };
    if (client.organizationId !== null && client.organizationId !== organizationId) return { allowed: false };
    const organization = await this.currentClaims(organizationId, userId);
    return organization ? { allowed: true, organization } : { allowed: false };
  }

  /**
   * The organization claims of a user's token issued for `organizationId` (a refresh, introspection),
   * with the member's role as it is now; null when they are no longer a member.
   */
  async currentClaims(organizationId: string, userId: string): Promise<OrganizationClaims | null> {
    const membership = await this.organizations.membershipById(organizationId, userId);
    return membership ? organizationClaims(membership) : null;
  }
}
