import { Button, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { usePortal } from '../api/api-context';
import type { ClientWithSecret } from '../api/types';
import { appBody } from '../components/app-body';
import { AppForm, type AppFormValues } from '../components/app-form';
import { ErrorAlert } from '../components/error-alert';
import { SecretReveal } from '../components/secret-reveal';

const NEW_APP: AppFormValues = {
  name: '',
  confidential: true,
  grant_types: ['client_credentials'],
  scopes: [],
  redirect_uris: [],
};

/** "New application": the form, then the Client ID and the Client secret, shown this once. */
export function NewAppPage() {
  const { api, metadata } = usePortal();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (values: AppFormValues) =>
      api.request<ClientWithSecret>('/clients', { method: 'POST', body: appBody(values, 'create') }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });

  if (create.data) {
    const app = create.data;
    return (
      <Stack maw={720}>
        <Title order={2}>{app.name} is ready</Title>
        <SecretReveal clientId={app.client_id} clientSecret={app.client_secret} />
        <Button component={Link} to={`/apps/${encodeURIComponent(app.client_id)}`} w="fit-content">
          Go to the app
        </Button>
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={2}>New application</Title>
      <ErrorAlert error={create.error} title="The app was not created" />
      <AppForm
        mode="create"
        grantTypes={metadata.grant_types_supported}
        scopes={metadata.scopes_supported}
        initial={NEW_APP}
        submitting={create.isPending}
        onSubmit={(values) => create.mutate(values)}
      />
    </Stack>
  );
}
