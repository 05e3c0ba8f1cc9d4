import { Badge, Button, Checkbox, Code, Group, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { usePortal } from '../../api/api-context';
import type { Scope } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/error-alert';
import { type Column, ListTable } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';

const NO_SCOPE = { name: '', description: '', is_default: false, admin_only: false };

/** Scopes are data: create, describe, make default or admin-only, delete. */
export function AdminScopesPage() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const paged = usePagedQuery<Scope>('/admin/scopes', {});
  const [draft, setDraft] = useState(NO_SCOPE);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/admin/scopes'] });
  const create = useMutation({
    mutationFn: () => api.request<Scope>('/admin/scopes', { method: 'POST', body: draft }),
    onSuccess: async () => {
      setDraft(NO_SCOPE);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (name: string) => api.request<void>(`/admin/scopes/${encodeURIComponent(name)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  const columns: Column<Scope>[] = [
    { header: 'Scope', cell: (scope) => <Code>{scope.name}</Code> },
    { header: 'Description', cell: (scope) => scope.description },
    {
      header: 'Flags',
      cell: (scope) => (
        <Group gap={4}>
          {scope.is_default && <Badge variant="light">default</Badge>}
          {scope.admin_only && <Badge color="violet">admins only</Badge>}
        </Group>
      ),
    },
    {
      header: 'Actions',
      cell: (scope) => (
        <ConfirmButton
          label="Delete"
          aria-label={`Delete ${scope.name}`}
          question={`Delete the scope ${scope.name}?`}
          confirmLabel="Delete the scope"
          color="red"
          size="xs"
          variant="light"
          onConfirm={() => remove.mutate(scope.name)}
        />
      ),
    },
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Stack>
      <Title order={2}>Scopes</Title>
      <form onSubmit={submit}>
        <Stack maw={560}>
          <ErrorAlert error={create.error} title="The scope was not created" />
          <TextInput
            label="Scope name"
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <TextInput
            label="Description"
            required
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
          />
          <Group>
            <Checkbox
              label="Granted by default"
              checked={draft.is_default}
              onChange={(e) => setDraft({ ...draft, is_default: e.currentTarget.checked })}
            />
            <Checkbox
              label="Admins only"
              checked={draft.admin_only}
              onChange={(e) => setDraft({ ...draft, admin_only: e.currentTarget.checked })}
            />
          </Group>
          <Button type="submit" loading={create.isPending} w="fit-content">
            Add scope
          </Button>
        </Stack>
      </form>
      <ErrorAlert error={remove.error} title="The scope was not deleted" />
      <ListTable
        noun="scopes"
        query={paged.query}
        paging={paged}
        columns={columns}
        rowKey={(scope) => scope.name}
        empty={{ title: 'No scopes', description: 'Add the first one above.' }}
        minWidth={640}
      />
    </Stack>
  );
}
