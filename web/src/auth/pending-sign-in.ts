/**
 * What must survive the trip through /oauth/authorize: the PKCE verifier, the state and where the
 * person was. sessionStorage holds only this one-time record for this tab, never a token.
 */
export interface PendingSignIn {
  state: string;
  verifier: string;
  returnTo: string;
  /** The request asked for the admin scope. */
  withAdmin: boolean;
  /** An earlier request with the admin scope was refused: do not ask again in this round. */
  adminRefused: boolean;
}

const KEY = 'portal.pending-sign-in';

export function savePendingSignIn(pending: PendingSignIn): void {
  sessionStorage.setItem(KEY, JSON.stringify(pending));
}

/** Read once: a replayed callback URL finds nothing. */
export function takePendingSignIn(): PendingSignIn | undefined {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as PendingSignIn;
  } catch {
    return undefined;
  }
}
