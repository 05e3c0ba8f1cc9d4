export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Why a password is refused, or undefined when it is acceptable. NIST SP 800-63B §5.1.1.2: a length
 * floor, a generous ceiling, and no password that equals the account's own identifier.
 */
export function passwordPolicyViolation(password: string, email: string | undefined): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (email !== undefined && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return 'password must not be the email address';
  }
  return undefined;
}
