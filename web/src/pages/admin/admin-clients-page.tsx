import { Badge, Button, Code, EmptyState, Group, Loader, Stack, Table, TextInput, Title } from '@mantine/core';
import { LabelledPagination } from '../../components/labelled-pagination';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePortal } from '../../api/api-context';
import type { AdminClient } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { usePagedQuery } from '../../components/paged-query';

/** Every app: filter by owner, approve as first-party (password grant for every user), disable. */
export function AdminClientsPage() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const [owner, setOwner] = useState('');
  const { query, page, pages, setPage } = usePagedQuery<AdminClient>('/admin/clients', { owner });
  const change = useMutation({
    mutationFn: ({
      clientId,
      body,
    }: {
      clientId: string;
      body: Partial<Pick<AdminClient, 'disabled' | 'first_party'>>;
    }) => api.request<AdminClient>(`/admin/clients/${encodeURIComponent(clientId)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['/admin/clients'] }),
  });

  return (
    <Stack>
      <Title order={2}>Clients</Title>
      <TextInput
        label="Owner (user id)"
        value={owner}
        maw={420}
        onChange={(event) => {
          setOwner(event.currentTarget.value);
          setPage(1);
        }}
      />
      <ErrorAlert error={query.error} title="Clients could not be loaded" />
      <ErrorAlert error={change.error} title="The client was not changed" />
      {query.isPending && <Loader aria-label="Loading clients" />}
      {query.data?.items.length === 0 && <EmptyState title="No clients" description="No app matches this filter." />}
      {query.data && query.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={820} type="native" tabIndex={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Client ID</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((client) => (
                <Table.Tr key={client.client_id}>
                  <Table.Td>{client.name}</Table.Td>
                  <Table.Td>
                    <Code>{client.client_id}</Code>
                  </Table.Td>
                  <Table.Td>{client.owner?.email ?? 'the server'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {client.first_party && <Badge color="violet">first-party</Badge>}
                      <Badge color={client.disabled ? 'red' : 'green'} variant="light">
                        {client.disabled ? 'disabled' : 'active'}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${client.first_party ? 'Remove first-party from' : 'Mark first-party'} ${client.name}`}
                        onClick={() =>
                          change.mutate({ clientId: client.client_id, body: { first_party: !client.first_party } })
                        }
                      >
                        {client.first_party ? 'Remove first-party' : 'Mark first-party'}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${client.disabled ? 'Enable' : 'Disable'} ${client.name}`}
                        onClick={() =>
                          change.mutate({ clientId: client.client_id, body: { disabled: !client.disabled } })
                        }
                      >
                        {client.disabled ? 'Enable' : 'Disable'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && <LabelledPagination total={pages} value={page} onChange={setPage} aria-label="Pages of clients" />}
    </Stack>
  );
}
