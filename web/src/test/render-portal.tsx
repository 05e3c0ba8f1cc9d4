import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { PortalContext, type PortalContextValue } from '../api/api-context';
import type { PortalApi } from '../api/portal-api';

export const TEST_METADATA = {
  issuer: 'http://localhost:3000',
  authorization_endpoint: 'http://localhost:3000/oauth/authorize',
  token_endpoint: 'http://localhost:3000/oauth/token',
  revocation_endpoint: 'http://localhost:3000/oauth/revoke',
  grant_types_supported: ['authorization_code', 'client_credentials', 'password', 'refresh_token'],
  scopes_supported: ['contacts.read', 'contacts.write', 'profile'],
};

/** Renders a page as the portal does, with the given stand-in for the REST API. */
export function renderInPortal(ui: ReactNode, api: PortalApi, path = '/'): RenderResult {
  const context: PortalContextValue = {
    api,
    metadata: TEST_METADATA,
    me: { id: 'u1', email: 'ada@example.com', name: 'Ada', is_admin: false, created_at: '2026-12-01T00:00:00Z' },
    isAdmin: false,
    signOut: () => Promise.resolve(),
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <PortalContext value={context}>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
        </QueryClientProvider>
      </PortalContext>
    </MantineProvider>,
  );
}
