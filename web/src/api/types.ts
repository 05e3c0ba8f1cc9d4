/** The REST API's shapes, as the contract and openapi.json describe them. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface ClientApp {
  client_id: string;
  name: string;
  grant_types: string[];
  scopes: string[];
  confidential: boolean;
  redirect_uris?: string[];
  created_at: string;
  updated_at: string;
}

/** Registration and rotation: the only two answers that carry the secret. */
export interface ClientWithSecret extends ClientApp {
  client_secret?: string;
}

export interface GeneratedToken {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

export interface Me {
  id: string;
  email: string;
  name: string | null;
  is_admin: boolean;
  created_at: string;
}

export interface AdminUser {
  id: string;
  email: string;
  name: string | null;
  is_admin: boolean;
  disabled: boolean;
  created_at: string;
}

export interface AdminClient extends ClientApp {
  owner: { id: string; email: string } | null;
  disabled: boolean;
  first_party: boolean;
  /** A portal app whose password grant signs in its owner only until it is first-party. */
  awaiting_approval: boolean;
}

export interface Scope {
  name: string;
  description: string;
  is_default: boolean;
  admin_only: boolean;
}

export interface AuditEvent {
  id: string;
  type: string;
  actor_user_id: string | null;
  subject: string | null;
  client_id: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
  created_at: string;
}

export interface LockState {
  user_id: string;
  locked: boolean;
  locked_until: string | null;
  failures: number;
}

/** RFC 8414 / OpenID Connect Discovery members the portal reads. */
export interface ServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint: string;
  end_session_endpoint?: string;
  grant_types_supported: string[];
  scopes_supported: string[];
}

/** Organizations (contract "Organizations"): roles, as the server names them. */
export const ORGANIZATION_ROLES = ['owner', 'admin', 'member'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export interface Organization {
  id: string;
  key: string;
  name: string;
  created_at: string;
  updated_at: string;
}

/** One of the caller's organizations, with the caller's role in it. */
export interface MyOrganization extends Organization {
  role: OrganizationRole;
}

export interface OrganizationMember {
  user_id: string;
  email: string;
  name: string | null;
  role: OrganizationRole;
  created_at: string;
}

/** An external identity linked to the signed-in user (GET /users/me/identities). */
export interface LinkedIdentity {
  id: string;
  provider: string;
  subject: string;
  email: string | null;
  created_at: string;
}

/** A client the signed-in user allowed, and the scopes allowed (GET /users/me/consents). */
export interface Consent {
  client_id: string;
  client_name: string;
  scopes: string[];
  created_at: string;
  updated_at: string;
}

export const IDENTITY_PROVIDER_TYPES = ['oidc', 'facebook'] as const;
export type IdentityProviderType = (typeof IDENTITY_PROVIDER_TYPES)[number];

export interface IdentityProvider {
  alias: string;
  type: IdentityProviderType;
  issuer: string | null;
  jwks_uri: string | null;
  audiences: string[];
  create_users: boolean;
  app_id: string | null;
  has_app_secret: boolean;
  graph_api_url: string | null;
  created_at: string;
  updated_at: string;
}

/** An organization in the admin console: with how many members and apps it has. */
export interface AdminOrganization extends Organization {
  member_count: number;
  client_count: number;
}
