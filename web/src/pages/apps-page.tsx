import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePortal } from '../api/api-context';
import type { ClientApp, Page } from '../api/types';
import { APP_COLUMNS } from '../components/app-columns';
import { ListTable } from '../components/list-table';

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
      <ListTable
        noun="apps"
        query={apps}
        rows={shown}
        columns={APP_COLUMNS}
        rowKey={(app) => app.client_id}
        empty={
          needle === ''
            ? { title: 'No apps yet', description: 'Create an application to get a client ID and secret.' }
            : { title: 'No app matches', description: 'Try another name.' }
        }
        minWidth={560}
      />
    </Stack>
  );
}
