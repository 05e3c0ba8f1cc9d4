import {
  Badge,
  Button,
  Checkbox,
  Code,
  EmptyState,
  Group,
  Loader,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { LabelledPagination } from '../../components/labelled-pagination';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { usePortal } from '../../api/api-context';
import type { Scope } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/error-alert';
import { usePagedQuery } from '../../components/paged-query';

const NO_SCOPE = { name: '', description: '', is_default: false, admin_only: false };

/** Scopes are data: create, describe, make default or admin-only, delete. */
export function AdminScopesPage() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const { query, page, pages, setPage } = usePagedQuery<Scope>('/admin/scopes', {});
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
      <ErrorAlert error={query.error} title="Scopes could not be loaded" />
      <ErrorAlert error={remove.error} title="The scope was not deleted" />
      {query.isPending && <Loader aria-label="Loading scopes" />}
      {query.data?.items.length === 0 && <EmptyState title="No scopes" description="Add the first one above." />}
      {query.data && query.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640} type="native" tabIndex={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Scope</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th>Flags</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((scope) => (
                <Table.Tr key={scope.name}>
                  <Table.Td>
                    <Code>{scope.name}</Code>
                  </Table.Td>
                  <Table.Td>{scope.description}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {scope.is_default && <Badge variant="light">default</Badge>}
                      {scope.admin_only && <Badge color="violet">admins only</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
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
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && <LabelledPagination total={pages} value={page} onChange={setPage} aria-label="Pages of scopes" />}
    </Stack>
  );
}
