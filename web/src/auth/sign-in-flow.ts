import type { Me } from '../api/types';
import { ADMIN_SCOPE, type AuthSession } from './auth-session';

/** A hint (not a secret) that this tab's person is an admin, so the next sign-in asks for `admin` at once. */
const ADMIN_HINT = 'portal.admin-hint';

export function startSignIn(session: AuthSession, returnTo: string): Promise<void> {
  return session.signIn(returnTo, { withAdmin: sessionStorage.getItem(ADMIN_HINT) === 'yes' });
}

/**
 * Finishes the redirect back to /portal/callback. Admins need a token with the admin scope, which a
 * non-admin may not ask for (invalid_scope): so the portal asks without it, and asks again (single
 * sign-on makes it one quick round trip) once /users/me says the person is an admin. Returns the page
 * to show, or undefined when the browser is leaving for another round.
 */
export async function finishSignIn(
  session: AuthSession,
  search: string,
  loadMe: () => Promise<Me>,
): Promise<string | undefined> {
  const { pending, outcome } = await session.completeSignIn(search);
  if (outcome === 'admin-refused') {
    sessionStorage.removeItem(ADMIN_HINT);
    await session.signIn(pending.returnTo, { adminRefused: true });
    return undefined;
  }
  if (session.hasScope(ADMIN_SCOPE) || pending.adminRefused) return pending.returnTo;
  const me = await loadMe();
  if (!me.is_admin) {
    sessionStorage.removeItem(ADMIN_HINT);
    return pending.returnTo;
  }
  sessionStorage.setItem(ADMIN_HINT, 'yes');
  await session.signIn(pending.returnTo, { withAdmin: true });
  return undefined;
}
