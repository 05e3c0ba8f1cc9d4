import type { IdentityProvider } from '../identity-provider.entity';

/** Who an accepted external credential speaks for. */
export interface VerifiedExternalIdentity {
  provider: IdentityProvider;
  /** The provider's subject: unique within that provider only. */
  subject: string;
  email: string | null;
  /** True only when the provider itself asserts that it verified `email`. */
  emailVerified: boolean;
  name: string | null;
}
