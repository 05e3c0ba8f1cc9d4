import { Badge, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePortal } from '../../api/api-context';
import type { AdminUser } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { type Column, ListTable } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';
import { LockCell } from './lock-cell';

/** Users: search by email, disable or enable, promote or demote, lift a lockout. */
export function AdminUsersPage() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const paged = usePagedQuery<AdminUser>('/admin/users', { email });
  const change = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<Pick<AdminUser, 'disabled' | 'is_admin'>> }) =>
      api.request<AdminUser>(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['/admin/users'] }),
  });
  const columns: Column<AdminUser>[] = [
    { header: 'Email', cell: (user) => user.email },
    {
      header: 'Status',
      cell: (user) => (
        <Group gap={4}>
          {user.is_admin && <Badge color="violet">admin</Badge>}
          <Badge color={user.disabled ? 'red' : 'green'} variant="light">
            {user.disabled ? 'disabled' : 'active'}
          </Badge>
        </Group>
      ),
    },
    { header: 'Lockout', cell: (user) => <LockCell userId={user.id} email={user.email} /> },
    {
      header: 'Actions',
      cell: (user) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            loading={change.isPending && change.variables.id === user.id}
            aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
            onClick={() => change.mutate({ id: user.id, body: { disabled: !user.disabled } })}
          >
            {user.disabled ? 'Enable' : 'Disable'}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={change.isPending && change.variables.id === user.id}
            aria-label={`${user.is_admin ? 'Remove admin from' : 'Make admin'} ${user.email}`}
            onClick={() => change.mutate({ id: user.id, body: { is_admin: !user.is_admin } })}
          >
            {user.is_admin ? 'Remove admin' : 'Make admin'}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Title order={2}>Users</Title>
      <TextInput
        label="Search by email"
        value={email}
        maw={360}
        onChange={(event) => {
          setEmail(event.currentTarget.value);
          paged.setPage(1);
        }}
      />
      <ErrorAlert error={change.error} title="The user was not changed" />
      <ListTable
        noun="users"
        query={paged.query}
        paging={paged}
        columns={columns}
        rowKey={(user) => user.id}
        empty={{ title: 'No users', description: 'No user matches this search.' }}
        minWidth={760}
      />
    </Stack>
  );
}
