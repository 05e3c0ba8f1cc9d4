import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { PortalContext, type PortalContextValue } from './api/api-context';
import { Layout } from './components/layout';
import { AccountPage } from './pages/account/account-page';
import { AdminAuditPage } from './pages/admin/admin-audit-page';
import { AdminClientsPage } from './pages/admin/admin-clients-page';
import { AdminIdentityProvidersPage } from './pages/admin/admin-identity-providers-page';
import { AdminKeysPage } from './pages/admin/admin-keys-page';
import { AdminOrgsPage } from './pages/admin/admin-orgs-page';
import { AdminScopesPage } from './pages/admin/admin-scopes-page';
import { AdminUsersPage } from './pages/admin/admin-users-page';
import { AppPage } from './pages/app-page';
import { AppsPage } from './pages/apps-page';
import { NewAppPage } from './pages/new-app-page';
import { NotFoundPage } from './pages/not-found-page';
import { OrgPage } from './pages/orgs/org-page';
import { OrgsPage } from './pages/orgs/orgs-page';
import { createQueryClient } from './query-client';

/** The signed-in portal: developer pages for everyone, the Admin section only with the admin scope. */
export function PortalApp({ context }: { context: PortalContextValue }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <PortalContext value={context}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename="/portal">
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<Navigate to="/apps" replace />} />
              <Route path="apps" element={<AppsPage />} />
              <Route path="apps/new" element={<NewAppPage />} />
              <Route path="apps/:clientId" element={<AppPage />} />
              <Route path="orgs" element={<OrgsPage />} />
              <Route path="orgs/:key" element={<OrgPage />} />
              <Route path="orgs/:key/apps/new" element={<NewAppPage />} />
              <Route path="account" element={<AccountPage />} />
              {context.isAdmin && (
                <Route path="admin">
                  <Route index element={<Navigate to="users" replace />} />
                  <Route path="users" element={<AdminUsersPage />} />
                  <Route path="clients" element={<AdminClientsPage />} />
                  <Route path="scopes" element={<AdminScopesPage />} />
                  <Route path="audit" element={<AdminAuditPage />} />
                  <Route path="keys" element={<AdminKeysPage />} />
                  <Route path="identity-providers" element={<AdminIdentityProvidersPage />} />
                  <Route path="orgs" element={<AdminOrgsPage />} />
                </Route>
              )}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </PortalContext>
  );
}
