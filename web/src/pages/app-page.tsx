import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { usePortal } from '../api/api-context';
import type { ClientApp, ClientWithSecret, GeneratedToken } from '../api/types';
import { appBody } from '../components/app-body';
import { AppForm, type AppFormValues } from '../components/app-form';
import { ConfirmButton } from '../components/confirm-button';
import { CopyField } from '../components/copy-field';
import { ErrorAlert } from '../components/error-alert';
import { GeneratedTokenView } from '../components/generated-token-view';
import { PasswordGrantExample } from '../components/password-grant-example';
import { SecretReveal } from '../components/secret-reveal';

/** One app: its details and edit form, Rotate secret, Generate token, the password example, Delete. */
export function AppPage() {
  const { api, metadata } = usePortal();
  const clientId = useParams().clientId ?? '';
  const path = `/clients/${encodeURIComponent(clientId)}`;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const app = useQuery({ queryKey: ['clients', clientId], queryFn: () => api.request<ClientApp>(path) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['clients'] });

  const update = useMutation({
    mutationFn: (values: AppFormValues) =>
      api.request<ClientApp>(path, { method: 'PATCH', body: appBody(values, 'edit') }),
    onSuccess: refresh,
  });
  const rotate = useMutation({
    mutationFn: () => api.request<ClientWithSecret>(`${path}/secret`, { method: 'POST' }),
  });
  const generate = useMutation({
    mutationFn: async () => ({
      token: await api.request<GeneratedToken>(`${path}/tokens`, { method: 'POST', body: {} }),
      issuedAt: new Date(),
    }),
  });
  const remove = useMutation({
    mutationFn: () => api.request<void>(path, { method: 'DELETE' }),
    onSuccess: async () => {
      await refresh();
      await navigate('/apps');
    },
  });

  if (app.isPending) return <Loader aria-label="Loading the app" />;
  if (app.isError) return <ErrorAlert error={app.error} title="This app could not be loaded" />;
  const current = app.data;

  return (
    <Stack maw={860}>
      <Group justify="space-between">
        <Title order={2}>{current.name}</Title>
        <Badge variant="light" color={current.confidential ? 'blue' : 'gray'}>
          {current.confidential ? 'confidential' : 'public'}
        </Badge>
      </Group>
      <CopyField label="Client ID" value={current.client_id} />

      {current.confidential && (
        <Card withBorder component="section" aria-labelledby="secret-heading">
          <Stack>
            <Title order={3} id="secret-heading">
              Client secret
            </Title>
            <Text size="sm">A new secret replaces the current one at once: apps using the old one stop working.</Text>
            <ErrorAlert error={rotate.error} title="The secret was not rotated" />
            {rotate.data && <SecretReveal clientId={rotate.data.client_id} clientSecret={rotate.data.client_secret} />}
            <ConfirmButton
              label="Rotate secret"
              question="The current secret stops working now. Rotate it?"
              confirmLabel="Rotate"
              loading={rotate.isPending}
              w="fit-content"
              onConfirm={() => rotate.mutate()}
            />
          </Stack>
        </Card>
      )}

      {current.confidential && (
        <Card withBorder component="section" aria-labelledby="token-heading">
          <Stack>
            <Title order={3} id="token-heading">
              Try the API
            </Title>
            <Text size="sm">A client_credentials token for this app, valid for a few minutes.</Text>
            <ErrorAlert error={generate.error} title="No token was generated" />
            {generate.data && <GeneratedTokenView {...generate.data} issuer={metadata.issuer} />}
            <Button w="fit-content" loading={generate.isPending} onClick={() => generate.mutate()}>
              Generate token
            </Button>
          </Stack>
        </Card>
      )}

      <Card withBorder component="section" aria-labelledby="example-heading">
        <Stack>
          <Title order={3} id="example-heading">
            Sign in a user
          </Title>
          <PasswordGrantExample app={current} tokenEndpoint={metadata.token_endpoint} />
        </Stack>
      </Card>

      <Card withBorder component="section" aria-labelledby="edit-heading">
        <Stack>
          <Title order={3} id="edit-heading">
            Settings
          </Title>
          <ErrorAlert error={update.error} title="The changes were not saved" />
          {update.isSuccess && <Text c="green.8">Saved.</Text>}
          <AppForm
            key={current.updated_at}
            mode="edit"
            grantTypes={metadata.grant_types_supported}
            scopes={metadata.scopes_supported}
            initial={{ ...current, redirect_uris: current.redirect_uris ?? [] }}
            submitting={update.isPending}
            onSubmit={(values) => update.mutate(values)}
          />
        </Stack>
      </Card>

      <Card withBorder component="section" aria-labelledby="delete-heading">
        <Stack>
          <Title order={3} id="delete-heading">
            Delete this app
          </Title>
          <ErrorAlert error={remove.error} title="The app was not deleted" />
          <ConfirmButton
            label="Delete"
            question={`Delete ${current.name}? Its tokens stop working and this cannot be undone.`}
            confirmLabel="Delete the app"
            color="red"
            loading={remove.isPending}
            w="fit-content"
            onConfirm={() => remove.mutate()}
          />
        </Stack>
      </Card>
    </Stack>
  );
}
