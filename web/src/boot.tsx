import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PortalContextValue } from './api/api-context';
import { createPortalApi } from './api/portal-api';
import type { Me, ServerMetadata } from './api/types';
import { ADMIN_SCOPE, AuthSession } from './auth/auth-session';
import { finishSignIn, startSignIn } from './auth/sign-in-flow';
import { PortalApp } from './portal-app';

const BASE = '/portal';
const CALLBACK_PATH = `${BASE}/callback`;

type BootState =
  | { kind: 'loading'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; value: PortalContextValue };

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The portal is served by the server it signs in to: its endpoints are called on this origin (the
 * only one the CSP allows), whatever host name the configured issuer uses.
 */
function onThisOrigin(metadata: ServerMetadata): ServerMetadata {
  const local = (url: string | undefined) =>
    url === undefined ? undefined : new URL(new URL(url).pathname, window.location.origin).toString();
  return {
    ...metadata,
    authorization_endpoint: local(metadata.authorization_endpoint) ?? '',
    token_endpoint: local(metadata.token_endpoint) ?? '',
    revocation_endpoint: local(metadata.revocation_endpoint) ?? '',
    end_session_endpoint: local(metadata.end_session_endpoint),
  };
}

/** The page the person is on, inside the portal (kept across sign-in). */
function currentPage(): string {
  const { pathname, search } = window.location;
  return pathname.startsWith(BASE) && pathname !== CALLBACK_PATH ? `${pathname.slice(BASE.length)}${search}` : '/';
}

/**
 * Loads the settings and the server's metadata, signs in (or finishes signing in), loads the person,
 * then shows the portal. Nothing is rendered with a half-made session.
 */
async function boot(setState: (state: BootState) => void): Promise<void> {
  const [settings, advertised] = await Promise.all([
    getJson<{ client_id: string }>(`${BASE}/settings.json`),
    getJson<ServerMetadata>('/.well-known/oauth-authorization-server'),
  ]);
  if (!advertised.authorization_endpoint) throw new Error('This server does not offer browser sign-in yet.');
  const metadata = onThisOrigin(advertised);
  const session = new AuthSession({
    clientId: settings.client_id,
    metadata,
    redirectUri: `${window.location.origin}${CALLBACK_PATH}`,
    navigate: (url) => window.location.assign(url),
  });
  const signInAgain = () => startSignIn(session, currentPage());
  const api = createPortalApi(session, signInAgain);
  const loadMe = () => api.request<Me>('/users/me');

  if (window.location.pathname === CALLBACK_PATH) {
    setState({ kind: 'loading', message: 'Finishing sign-in…' });
    const returnTo = await finishSignIn(session, window.location.search, loadMe);
    if (returnTo === undefined) return;
    // The code and state leave the address bar and the history.
    window.history.replaceState(null, '', `${BASE}${returnTo}`);
  } else if (session.accessToken === undefined) {
    setState({ kind: 'loading', message: 'Signing in…' });
    await signInAgain();
    return;
  }
  const me = await loadMe();
  setState({
    kind: 'ready',
    value: {
      api,
      metadata,
      me,
      isAdmin: me.is_admin && session.hasScope(ADMIN_SCOPE),
      signOut: () => session.signOut(),
    },
  });
}

export function Boot() {
  const [state, setState] = useState<BootState>({ kind: 'loading', message: 'Loading…' });
  const started = useRef(false);
  useEffect(() => {
    // Once per page load: a sign-in code can be exchanged only once.
    if (started.current) return;
    started.current = true;
    boot(setState).catch((error: unknown) =>
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  switch (state.kind) {
    case 'loading':
      return (
        <Center mih="100vh">
          <Stack align="center">
            <Loader aria-label={state.message} />
            <Text>{state.message}</Text>
          </Stack>
        </Center>
      );
    case 'failed':
      return (
        <Center mih="100vh" p="md">
          <Stack maw={480}>
            <Alert color="red" title="Sign-in did not work">
              {state.message}
            </Alert>
            <Button component="a" href={`${BASE}/`}>
              Try again
            </Button>
          </Stack>
        </Center>
      );
    case 'ready':
      return <PortalApp context={state.value} />;
  }
}
