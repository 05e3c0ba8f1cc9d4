import { Badge, Button, EmptyState, Group, Loader, Stack, Table, TextInput, Title } from '@mantine/core';
import { LabelledPagination } from '../../components/labelled-pagination';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePortal } from '../../api/api-context';
import type { AdminUser } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { usePagedQuery } from '../../components/paged-query';
import { LockCell } from './lock-cell';

/** Users: search by email, disable or enable, promote or demote, lift a lockout. */
export function AdminUsersPage() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const { query, page, pages, setPage } = usePagedQuery<AdminUser>('/admin/users', { email });
  const change = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<Pick<AdminUser, 'disabled' | 'is_admin'>> }) =>
      api.request<AdminUser>(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['/admin/users'] }),
  });

  return (
    <Stack>
      <Title order={2}>Users</Title>
      <TextInput
        label="Search by email"
        value={email}
        maw={360}
        onChange={(event) => {
          setEmail(event.currentTarget.value);
          setPage(1);
        }}
      />
      <ErrorAlert error={query.error} title="Users could not be loaded" />
      <ErrorAlert error={change.error} title="The user was not changed" />
      {query.isPending && <Loader aria-label="Loading users" />}
      {query.data?.items.length === 0 && <EmptyState title="No users" description="No user matches this search." />}
      {query.data && query.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={760} type="native" tabIndex={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Lockout</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.is_admin && <Badge color="violet">admin</Badge>}
                      <Badge color={user.disabled ? 'red' : 'green'} variant="light">
                        {user.disabled ? 'disabled' : 'active'}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <LockCell userId={user.id} email={user.email} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
                        onClick={() => change.mutate({ id: user.id, body: { disabled: !user.disabled } })}
                      >
                        {user.disabled ? 'Enable' : 'Disable'}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${user.is_admin ? 'Remove admin from' : 'Make admin'} ${user.email}`}
                        onClick={() => change.mutate({ id: user.id, body: { is_admin: !user.is_admin } })}
                      >
                        {user.is_admin ? 'Remove admin' : 'Make admin'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && <LabelledPagination total={pages} value={page} onChange={setPage} aria-label="Pages of users" />}
    </Stack>
  );
}
