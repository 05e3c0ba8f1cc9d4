import { Anchor, Badge, Code, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { MyOrganization } from '../../api/types';
import { type Column, ListTable } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';
import { NewOrganizationForm } from './new-organization-form';

const COLUMNS: Column<MyOrganization>[] = [
  {
    header: 'Name',
    cell: (organization) => (
      <Anchor component={Link} to={`/orgs/${encodeURIComponent(organization.key)}`}>
        {organization.name}
      </Anchor>
    ),
  },
  { header: 'Key', cell: (organization) => <Code>{organization.key}</Code> },
  {
    header: 'My role',
    cell: (organization) => <Badge variant="light">{organization.role}</Badge>,
  },
];

/** The organizations the signed-in person belongs to, and a new one. */
export function OrgsPage() {
  const paged = usePagedQuery<MyOrganization>('/orgs', {});
  return (
    <Stack>
      <Title order={2}>My organizations</Title>
      <ListTable
        noun="organizations"
        query={paged.query}
        paging={paged}
        columns={COLUMNS}
        rowKey={(organization) => organization.id}
        empty={{ title: 'No organizations yet', description: 'Create one below, or ask an owner to add you.' }}
        minWidth={480}
      />
      <NewOrganizationForm />
    </Stack>
  );
}
