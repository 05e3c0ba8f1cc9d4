import { Badge, Button, Card, Code, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usePortal } from '../../api/api-context';
import type { IdentityProvider } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/error-alert';
import { type Column, ListTable } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';
import {
  formValuesOf,
  IdentityProviderForm,
  type IdentityProviderFormValues,
  identityProviderBody,
  NEW_IDENTITY_PROVIDER,
} from './identity-provider-form';

const PATH = '/admin/identity-providers';

/** Identity providers for federated sign-in (token exchange, JWT bearer): add, edit, delete. */
export function AdminIdentityProvidersPage() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const paged = usePagedQuery<IdentityProvider>(PATH, {});
  const [editing, setEditing] = useState<IdentityProvider | null>(null);
  // A new form (empty again) after each provider added.
  const [formKey, setFormKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: [PATH] });
  const create = useMutation({
    mutationFn: (values: IdentityProviderFormValues) =>
      api.request<IdentityProvider>(PATH, { method: 'POST', body: identityProviderBody(values, 'create') }),
    onSuccess: async () => {
      setFormKey((key) => key + 1);
      await refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ alias, values }: { alias: string; values: IdentityProviderFormValues }) =>
      api.request<IdentityProvider>(`${PATH}/${encodeURIComponent(alias)}`, {
        method: 'PATCH',
        body: identityProviderBody(values, 'edit'),
      }),
    onSuccess: async () => {
      setEditing(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (alias: string) => api.request<void>(`${PATH}/${encodeURIComponent(alias)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  const columns: Column<IdentityProvider>[] = [
    { header: 'Alias', cell: (provider) => <Code>{provider.alias}</Code> },
    { header: 'Type', cell: (provider) => <Badge variant="light">{provider.type}</Badge> },
    {
      header: 'Issuer or app',
      cell: (provider) => (provider.type === 'oidc' ? provider.issuer : `app ${provider.app_id ?? '?'}`),
    },
    { header: 'Audiences', cell: (provider) => provider.audiences.join(', ') },
    { header: 'Creates users', cell: (provider) => (provider.create_users ? 'yes' : 'no') },
    {
      header: 'Actions',
      cell: (provider) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            aria-label={`Edit ${provider.alias}`}
            onClick={() => {
              update.reset();
              setEditing(provider);
            }}
          >
            Edit
          </Button>
          <ConfirmButton
            label="Delete"
            aria-label={`Delete ${provider.alias}`}
            question={`Delete ${provider.alias}? Every identity linked through it is unlinked.`}
            confirmLabel="Delete the provider"
            color="red"
            size="xs"
            variant="light"
            onConfirm={() => remove.mutate(provider.alias)}
          />
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Title order={2}>Identity providers</Title>
      <Text maw={720}>
        People sign in with a provider's ID token, JWT or access token (token exchange, JWT bearer grant), and link
        identities from their account.
      </Text>
      <ErrorAlert error={remove.error} title="The provider was not deleted" />
      <ListTable
        noun="identity providers"
        query={paged.query}
        paging={paged}
        columns={columns}
        rowKey={(provider) => provider.alias}
        empty={{ title: 'No identity providers', description: 'Add one below to allow federated sign-in.' }}
        minWidth={820}
      />
      <Card withBorder component="section" aria-labelledby="new-provider-heading" maw={720}>
        <Stack>
          <Title order={3} id="new-provider-heading">
            New identity provider
          </Title>
          <ErrorAlert error={create.error} title="The provider was not added" />
          <IdentityProviderForm
            key={formKey}
            mode="create"
            initial={NEW_IDENTITY_PROVIDER}
            submitting={create.isPending}
            onSubmit={(values) => create.mutate(values)}
          />
        </Stack>
      </Card>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={`Edit ${editing?.alias ?? ''}`}
        centered
        lockScroll={false}
        size="lg"
      >
        {editing && (
          <Stack>
            <ErrorAlert error={update.error} title="The provider was not changed" />
            <IdentityProviderForm
              mode="edit"
              initial={formValuesOf(editing)}
              hasAppSecret={editing.has_app_secret}
              submitting={update.isPending}
              onSubmit={(values) => update.mutate({ alias: editing.alias, values })}
            />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
