import { Button, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
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

/**
 * "New application": the form, then the Client ID and the Client secret, shown this once. Under
 * /orgs/:key/ the app belongs to that organization (POST /orgs/{key}/clients) instead of the person.
 */
export function NewAppPage() {
  const { api, metadata } = usePortal();
  const queryClient = useQueryClient();
  const organizationKey = useParams().key;
  const organizationPath = organizationKey === undefined ? undefined : `/orgs/${encodeURIComponent(organizationKey)}`;
  const create = useMutation({
    mutationFn: (values: AppFormValues) =>
      api.request<ClientWithSecret>(organizationPath === undefined ? '/clients' : `${organizationPath}/clients`, {
        method: 'POST',
        body: appBody(values, 'create'),
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: organizationPath === undefined ? ['clients'] : [`${organizationPath}/clients`],
      }),
  });

  if (create.data) {
    const app = create.data;
    return (
      <Stack maw={720}>
        <Title order={2}>{app.name} is ready</Title>
        <SecretReveal clientId={app.client_id} clientSecret={app.client_secret} />
        {organizationPath === undefined ? (
          <Button component={Link} to={`/apps/${encodeURIComponent(app.client_id)}`} w="fit-content">
            Go to the app
          </Button>
        ) : (
          <Button component={Link} to={organizationPath} w="fit-content">
            Back to the organization
          </Button>
        )}
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={2}>
        {organizationKey === undefined ? 'New application' : `New application for ${organizationKey}`}
      </Title>
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
