import { Code, Loader, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePortal } from '../../api/api-context';
import type { AdminOrganization } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/error-alert';
import { type Column, ListTable } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';

/** Every organization: search by key or name, see its size, delete it (its tokens stop working). */
export function AdminOrgsPage() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const paged = usePagedQuery<AdminOrganization>('/admin/orgs', { q: search });
  const remove = useMutation({
    mutationFn: (key: string) => api.request<void>(`/admin/orgs/${encodeURIComponent(key)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['/admin/orgs'] }),
  });
  const columns: Column<AdminOrganization>[] = [
    { header: 'Name', cell: (organization) => organization.name },
    { header: 'Key', cell: (organization) => <Code>{organization.key}</Code> },
    { header: 'Members', cell: (organization) => organization.member_count },
    { header: 'Apps', cell: (organization) => organization.client_count },
    { header: 'Created', cell: (organization) => new Date(organization.created_at).toLocaleDateString() },
    {
      header: 'Actions',
      cell: (organization) => (
        <ConfirmButton
          label="Delete"
          aria-label={`Delete ${organization.key}`}
          question={`Delete ${organization.name} (${organization.key}), its memberships and its apps? Tokens issued for it stop working.`}
          confirmLabel="Delete the organization"
          color="red"
          size="xs"
          variant="light"
          onConfirm={() => remove.mutate(organization.key)}
        />
      ),
    },
  ];

  return (
    <Stack>
      <Title order={2}>Organizations</Title>
      <TextInput
        label="Search by key or name"
        value={search}
        maw={360}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          paged.setPage(1);
        }}
      />
      <ErrorAlert error={remove.error} title="The organization was not deleted" />
      {remove.isPending && <Loader aria-label="Deleting the organization" />}
      <ListTable
        noun="organizations"
        query={paged.query}
        paging={paged}
        columns={columns}
        rowKey={(organization) => organization.id}
        empty={{ title: 'No organizations', description: 'None matches this search.' }}
        minWidth={760}
      />
    </Stack>
  );
}
