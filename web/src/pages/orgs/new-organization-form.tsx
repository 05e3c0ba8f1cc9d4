import { Button, Card, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { usePortal } from '../../api/api-context';
import type { MyOrganization } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';

/** Key and name of a new organization; its creator becomes its owner, then sees its page. */
export function NewOrganizationForm() {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.request<MyOrganization>('/orgs', { method: 'POST', body: { key: key.trim(), name: name.trim() } }),
    onSuccess: async (organization) => {
      await queryClient.invalidateQueries({ queryKey: ['/orgs'] });
      await navigate(`/orgs/${encodeURIComponent(organization.key)}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Card withBorder component="section" aria-labelledby="new-organization-heading" maw={560}>
      <form onSubmit={submit}>
        <Stack>
          <Title order={3} id="new-organization-heading">
            New organization
          </Title>
          <ErrorAlert error={create.error} title="The organization was not created" />
          <TextInput
            label="Key"
            description="2 to 40 of a–z, 0–9 and -; members sign in as email@key. It never changes."
            required
            value={key}
            onChange={(event) => setKey(event.currentTarget.value)}
          />
          <TextInput
            label="Organization name"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Button type="submit" loading={create.isPending} w="fit-content">
            Create organization
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
