import { Anchor, Badge, Button, Code, EmptyState, Group, Loader, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePortal } from '../api/api-context';
import type { ClientApp, Page } from '../api/types';
import { ErrorAlert } from '../components/error-alert';

/** The signed-in person's apps, searchable by name or client id. */
export function AppsPage() {
  const { api } = usePortal();
  const [search, setSearch] = useState('');
  const apps = useQuery({
    queryKey: ['clients'],
    queryFn: () => api.request<Page<ClientApp>>('/clients?limit=100'),
  });
  const needle = search.trim().toLowerCase();
  const shown = (apps.data?.items ?? []).filter(
    (app) => needle === '' || app.name.toLowerCase().includes(needle) || app.client_id.toLowerCase().includes(needle),
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>My apps</Title>
        <Button component={Link} to="/apps/new">
          New application
        </Button>
      </Group>
      <TextInput
        label="Search apps"
        placeholder="Name or client ID"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={360}
      />
      <ErrorAlert error={apps.error} title="Your apps could not be loaded" />
      {apps.isPending && <Loader aria-label="Loading your apps" />}
      {apps.isSuccess && shown.length === 0 && (
        <EmptyState
          title={needle === '' ? 'No apps yet' : 'No app matches'}
          description={needle === '' ? 'Create an application to get a client ID and secret.' : 'Try another name.'}
        />
      )}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Client ID</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((app) => (
                <Table.Tr key={app.client_id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/apps/${encodeURIComponent(app.client_id)}`}>
                      {app.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Code>{app.client_id}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={app.confidential ? 'blue' : 'gray'}>
                      {app.confidential ? 'confidential' : 'public'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{new Date(app.created_at).toLocaleDateString()}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
