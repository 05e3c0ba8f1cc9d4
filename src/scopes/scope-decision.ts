import { OAuthError } from '../common/errors/oauth.error';

/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
export const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const SCOPE_PARAMETER = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;
const MAX_SCOPE_PARAMETER_LENGTH = 2000;

/** What the decision needs to know about one scope. */
export interface ScopeRule {
  name: string;
  isDefault: boolean;
  adminOnly: boolean;
}

export interface ScopeDecisionInput {
  /** The parsed `scope` parameter; undefined when the request omitted it. */
  requested: readonly string[] | undefined;
  /** The client's allowed scopes. */
  clientScopes: readonly string[];
  /** The scopes that exist (at least those the client is allowed). */
  known: readonly ScopeRule[];
  /** The resource owner; null for client_credentials, which may never hold an admin-only scope. */
  user: { isAdmin: boolean } | null;
}

/**
 * RFC 6749 §3.3 syntax: space-delimited scope-tokens. Undefined or empty means "omitted"; anything
 * else malformed (double spaces, forbidden characters) is refused rather than guessed at.
 */
export function parseScopeParameter(raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length > MAX_SCOPE_PARAMETER_LENGTH || !SCOPE_PARAMETER.test(raw)) {
    throw new OAuthError('invalid_scope', 'scope must be space-delimited scope tokens (RFC 6749 §3.3)');
  }
  return [...new Set(raw.split(' '))];
}

/**
 * A token's scopes (DESIGN.md): requested (or, when omitted, the client's allowed scopes that are
 * defaults) ∩ the client's allowed scopes ∩ what the user may have. Anything requested that cannot be
 * granted is invalid_scope naming the first offender (RFC 6749 §5.2), never a silent downgrade.
 */
export function decideScopes(input: ScopeDecisionInput): string[] {
  const rules = new Map(input.known.map((rule) => [rule.name, rule]));
  const allowed = new Set(input.clientScopes);
  const mayHold = (rule: ScopeRule): boolean => !rule.adminOnly || input.user?.isAdmin === true;

  if (input.requested === undefined || input.requested.length === 0) {
    const defaults = input.clientScopes.filter((name) => {
      const rule = rules.get(name);
      return rule !== undefined && rule.isDefault && mayHold(rule);
    });
    if (defaults.length === 0) {
      throw new OAuthError('invalid_scope', 'scope is required: this client has no default scope');
    }
    return [...new Set(defaults)];
  }

  for (const name of input.requested) {
    const rule = rules.get(name);
    if (!rule) throw new OAuthError('invalid_scope', `scope "${name}" does not exist`);
    if (!allowed.has(name)) throw new OAuthError('invalid_scope', `scope "${name}" is not allowed for this client`);
    if (!mayHold(rule)) {
      const who = input.user ? 'this user' : 'a client acting for itself';
      throw new OAuthError('invalid_scope', `scope "${name}" is restricted to admins and cannot be granted to ${who}`);
    }
  }
  return [...new Set(input.requested)];
}
