import { Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { usePortal } from '../../api/api-context';
import type { MyOrganization } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/error-alert';
import { OrgApps } from './org-apps';
import { OrgMembers } from './org-members';

/** One organization: its members (managed by owners and admins), its apps, and deleting it (owners). */
export function OrgPage() {
  const { api } = usePortal();
  const key = useParams().key ?? '';
  const path = `/orgs/${encodeURIComponent(key)}`;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organization = useQuery({
    queryKey: ['/orgs', key],
    queryFn: () => api.request<MyOrganization>(path),
  });
  const remove = useMutation({
    mutationFn: () => api.request<void>(path, { method: 'DELETE' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/orgs'] });
      await navigate('/orgs');
    },
  });

  if (organization.isPending) return <Loader aria-label="Loading the organization" />;
  if (organization.isError)
    return <ErrorAlert error={organization.error} title="This organization could not be loaded" />;
  const { name, role } = organization.data;
  const manages = role === 'owner' || role === 'admin';

  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Title order={2}>{name}</Title>
        <Badge variant="light">my role: {role}</Badge>
      </Group>
      <Text>
        Members sign in to this organization as <strong>email@{key}</strong>; their tokens then carry it.
      </Text>
      <OrgMembers organizationKey={key} manages={manages} />
      {manages && <OrgApps organizationKey={key} />}
      {role === 'owner' && (
        <Stack gap="xs">
          <ErrorAlert error={remove.error} title="The organization was not deleted" />
          <ConfirmButton
            label="Delete organization"
            question={`Delete ${name}, its memberships and its apps? Tokens issued for it stop working.`}
            confirmLabel="Delete the organization"
            color="red"
            variant="light"
            w="fit-content"
            loading={remove.isPending}
            onConfirm={() => remove.mutate()}
          />
        </Stack>
      )}
    </Stack>
  );
}
