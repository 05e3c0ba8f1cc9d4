import { Card, Code, Group, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usePortal } from '../../api/api-context';
import type { Consent } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/error-alert';
import { type Column, ListTable } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';

const PATH = '/users/me/consents';

/** The apps this person allowed on the consent page; withdrawing ends the app's refresh tokens for them. */
export function Consents() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const paged = usePagedQuery<Consent>(PATH, {});
  const revoke = useMutation({
    mutationFn: (clientId: string) =>
      api.request<void>(`${PATH}/${encodeURIComponent(clientId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
  const columns: Column<Consent>[] = [
    { header: 'App', cell: (consent) => consent.client_name },
    {
      header: 'Scopes',
      cell: (consent) => (
        <Group gap={4}>
          {consent.scopes.map((scope) => (
            <Code key={scope}>{scope}</Code>
          ))}
        </Group>
      ),
    },
    { header: 'Allowed', cell: (consent) => new Date(consent.created_at).toLocaleDateString() },
    {
      header: 'Actions',
      cell: (consent) => (
        <ConfirmButton
          label="Revoke"
          aria-label={`Revoke ${consent.client_name}`}
          question={`Withdraw what you allowed ${consent.client_name}? It asks again next time, and its sessions with your account end.`}
          confirmLabel="Revoke"
          color="red"
          size="xs"
          variant="light"
          loading={revoke.isPending && revoke.variables === consent.client_id}
          onConfirm={() => revoke.mutate(consent.client_id)}
        />
      ),
    },
  ];

  return (
    <Card withBorder component="section" aria-labelledby="consents-heading">
      <Stack>
        <Title order={3} id="consents-heading">
          Apps you allowed
        </Title>
        <ErrorAlert error={revoke.error} title="The consent was not revoked" />
        <ListTable
          noun="consents"
          query={paged.query}
          paging={paged}
          columns={columns}
          rowKey={(consent) => consent.client_id}
          empty={{ title: 'No apps allowed', description: 'Apps you allow on a consent page are listed here.' }}
          minWidth={640}
        />
      </Stack>
    </Card>
  );
}
