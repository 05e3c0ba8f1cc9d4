/** An organization key: 2 to 40 of lower-case letters, digits and hyphens (the contract's rule). */
export const ORGANIZATION_KEY = /^[a-z0-9-]{2,40}$/;

export interface SignInName {
  /** The email to check the password against. */
  email: string;
  /** The organization the username names, lower-cased; absent for a plain email. */
  organizationKey?: string;
}

/**
 * Splits a sign-in username of the form `email@org-key` (WSO2's form): when it holds two or more `@`,
 * the part after the last one names the organization. A last part that cannot be a key (e.g. the
 * domain of an email whose quoted local part holds an `@`) leaves the username whole, as an email.
 */
export function parseSignInName(username: string): SignInName {
  const last = username.lastIndexOf('@');
  if (last <= 0 || username.indexOf('@') === last) return { email: username };
  const organizationKey = username.slice(last + 1).toLowerCase();
  if (!ORGANIZATION_KEY.test(organizationKey)) return { email: username };
  return { email: username.slice(0, last), organizationKey };
}
