import { Card, Code, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePortal } from '../../api/api-context';
import type { LinkedIdentity } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/error-alert';
import { type Column, ListTable } from '../../components/list-table';

const PATH = '/users/me/identities';

/** The external identities (Google, Facebook, …) that sign this person in; unlinking one stops that. */
export function LinkedIdentities() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  // The API answers a plain list (a person links a handful at most).
  const identities = useQuery({
    queryKey: [PATH],
    queryFn: async () => ({ items: await api.request<LinkedIdentity[]>(PATH) }),
  });
  const unlink = useMutation({
    mutationFn: (id: string) => api.request<void>(`${PATH}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
  const columns: Column<LinkedIdentity>[] = [
    { header: 'Provider', cell: (identity) => identity.provider },
    { header: 'Subject', cell: (identity) => <Code>{identity.subject}</Code> },
    { header: 'Email', cell: (identity) => identity.email ?? '' },
    { header: 'Linked', cell: (identity) => new Date(identity.created_at).toLocaleDateString() },
    {
      header: 'Actions',
      cell: (identity) => (
        <ConfirmButton
          label="Unlink"
          aria-label={`Unlink ${identity.provider} ${identity.subject}`}
          question={`Stop signing in with this ${identity.provider} identity?`}
          confirmLabel="Unlink"
          color="red"
          size="xs"
          variant="light"
          loading={unlink.isPending && unlink.variables === identity.id}
          onConfirm={() => unlink.mutate(identity.id)}
        />
      ),
    },
  ];

  return (
    <Card withBorder component="section" aria-labelledby="identities-heading">
      <Stack>
        <Title order={3} id="identities-heading">
          Linked identities
        </Title>
        <ErrorAlert error={unlink.error} title="The identity was not unlinked" />
        <ListTable
          noun="linked identities"
          query={identities}
          columns={columns}
          rowKey={(identity) => identity.id}
          empty={{ title: 'No linked identities', description: 'You sign in with your email and password only.' }}
          minWidth={640}
        />
      </Stack>
    </Card>
  );
}
