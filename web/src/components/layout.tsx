import { Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { usePortal } from '../api/api-context';

const DEVELOPER_LINKS = [
  { to: '/apps', label: 'My apps' },
  { to: '/orgs', label: 'My organizations' },
  { to: '/account', label: 'My account' },
];

const ADMIN_LINKS = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/clients', label: 'Clients' },
  { to: '/admin/scopes', label: 'Scopes' },
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/keys', label: 'Signing keys' },
  { to: '/admin/identity-providers', label: 'Identity providers' },
  { to: '/admin/orgs', label: 'Organizations' },
];

/** Header, navigation (a drawer-like list on a phone) and the page. */
export function Layout() {
  const { me, isAdmin, signOut } = usePortal();
  const { pathname } = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const link = ({ to, label }: { to: string; label: string }) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={label}
      active={pathname === to || pathname.startsWith(`${to}/`)}
      onClick={() => setNavOpen(false)}
    />
  );

  return (
    <div className="portal-shell">
      <header className="portal-header">
        <Group gap="sm" wrap="nowrap">
          <Burger
            className="portal-burger"
            opened={navOpen}
            onClick={() => setNavOpen((open) => !open)}
            aria-label="Menu"
            aria-expanded={navOpen}
            aria-controls="portal-nav"
            size="sm"
          />
          <Title order={1} size="h3">
            Developer portal
          </Title>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" className="portal-who" truncate>
            {me.email}
          </Text>
          <Button variant="default" size="xs" onClick={() => void signOut()}>
            Sign out
          </Button>
        </Group>
      </header>
      <nav id="portal-nav" aria-label="Portal" className="portal-nav" data-open={navOpen}>
        {DEVELOPER_LINKS.map(link)}
        {isAdmin && (
          <>
            <Text component="h2" size="xs" fw={700} tt="uppercase" c="gray.8" px="sm" pt="md" pb={4}>
              Admin
            </Text>
            {ADMIN_LINKS.map(link)}
          </>
        )}
      </nav>
      <main className="portal-main">
        <Outlet />
      </main>
    </div>
  );
}
