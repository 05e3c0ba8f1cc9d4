import { Badge, Button, Checkbox, Code, Group, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePortal } from '../../api/api-context';
import type { AdminClient } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { type Column, ListTable } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';

type ClientFlags = Partial<Pick<AdminClient, 'disabled' | 'first_party'>>;

/**
 * Every app: filter by owner or by awaiting approval, approve as first-party (password grant for every
 * user, not only the owner), disable.
 */
export function AdminClientsPage() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const [owner, setOwner] = useState('');
  const [awaiting, setAwaiting] = useState(false);
  const paged = usePagedQuery<AdminClient>('/admin/clients', { owner, awaiting_approval: awaiting ? 'true' : '' });
  const change = useMutation({
    mutationFn: ({ clientId, body }: { clientId: string; body: ClientFlags }) =>
      api.request<AdminClient>(`/admin/clients/${encodeURIComponent(clientId)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['/admin/clients'] }),
  });
  const columns: Column<AdminClient>[] = [
    { header: 'Name', cell: (client) => client.name },
    { header: 'Client ID', cell: (client) => <Code>{client.client_id}</Code> },
    { header: 'Owner', cell: (client) => client.owner?.email ?? 'the server' },
    {
      header: 'Status',
      cell: (client) => (
        <Group gap={4}>
          {client.first_party && <Badge color="violet">first-party</Badge>}
          {client.awaiting_approval && (
            <Badge color="yellow" variant="light">
              awaits approval
            </Badge>
          )}
          <Badge color={client.disabled ? 'red' : 'green'} variant="light">
            {client.disabled ? 'disabled' : 'active'}
          </Badge>
        </Group>
      ),
    },
    {
      header: 'Actions',
      cell: (client) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            loading={change.isPending && change.variables.clientId === client.client_id}
            aria-label={`${client.first_party ? 'Remove first-party from' : 'Mark first-party'} ${client.name}`}
            onClick={() => change.mutate({ clientId: client.client_id, body: { first_party: !client.first_party } })}
          >
            {client.first_party ? 'Remove first-party' : 'Mark first-party'}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={change.isPending && change.variables.clientId === client.client_id}
            aria-label={`${client.disabled ? 'Enable' : 'Disable'} ${client.name}`}
            onClick={() => change.mutate({ clientId: client.client_id, body: { disabled: !client.disabled } })}
          >
            {client.disabled ? 'Enable' : 'Disable'}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Title order={2}>Clients</Title>
      <TextInput
        label="Owner (user id)"
        value={owner}
        maw={420}
        onChange={(event) => {
          setOwner(event.currentTarget.value);
          paged.setPage(1);
        }}
      />
      <Checkbox
        label="Only apps whose password grant awaits approval"
        checked={awaiting}
        onChange={(event) => {
          setAwaiting(event.currentTarget.checked);
          paged.setPage(1);
        }}
      />
      <ErrorAlert error={change.error} title="The client was not changed" />
      <ListTable
        noun="clients"
        query={paged.query}
        paging={paged}
        columns={columns}
        rowKey={(client) => client.client_id}
        empty={{ title: 'No clients', description: 'No app matches this filter.' }}
        minWidth={820}
      />
    </Stack>
  );
}
