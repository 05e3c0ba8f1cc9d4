import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ClientApp } from '../../api/types';
import { APP_COLUMNS } from '../../components/app-columns';
import { type Column, ListTable } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';

/** Org apps are managed through the organization's routes, not /clients/{id}: listed by name, not linked. */
const ORG_APP_COLUMNS: Column<ClientApp>[] = [
  { header: 'Name', cell: (app) => app.name },
  ...APP_COLUMNS.filter((column) => column.header !== 'Name'),
];

/** The organization's apps (owners and admins): they sign in only its members, always for it. */
export function OrgApps({ organizationKey }: { organizationKey: string }) {
  const path = `/orgs/${encodeURIComponent(organizationKey)}/clients`;
  const paged = usePagedQuery<ClientApp>(path, {});
  return (
    <Card withBorder component="section" aria-labelledby="org-apps-heading">
      <Stack>
        <Group justify="space-between">
          <Title order={3} id="org-apps-heading">
            Organization apps
          </Title>
          <Button component={Link} to={`/orgs/${encodeURIComponent(organizationKey)}/apps/new`}>
            New organization app
          </Button>
        </Group>
        <ListTable
          noun="organization apps"
          query={paged.query}
          paging={paged}
          columns={ORG_APP_COLUMNS}
          rowKey={(app) => app.client_id}
          empty={{ title: 'No apps yet', description: 'An organization app signs in only its members.' }}
          minWidth={560}
        />
      </Stack>
    </Card>
  );
}
