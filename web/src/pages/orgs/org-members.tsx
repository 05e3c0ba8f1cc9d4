import { Card, Group, Loader, NativeSelect, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usePortal } from '../../api/api-context';
import { ORGANIZATION_ROLES, type OrganizationMember, type OrganizationRole } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/error-alert';
import { type Column, ListTable } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';
import { AddMemberForm } from './add-member-form';

/** The members of an organization; owners and admins change roles, add and remove (the server decides who may). */
export function OrgMembers({ organizationKey, manages }: { organizationKey: string; manages: boolean }) {
  const { api, me } = usePortal();
  const queryClient = useQueryClient();
  const path = `/orgs/${encodeURIComponent(organizationKey)}/members`;
  const paged = usePagedQuery<OrganizationMember>(path, {});
  const refresh = () => queryClient.invalidateQueries({ queryKey: [path] });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: OrganizationRole }) =>
      api.request<OrganizationMember>(`${path}/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { role } }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api.request<void>(`${path}/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
    onSuccess: async (_nothing, userId) => {
      await refresh();
      // Leaving: the organization is no longer the person's.
      if (userId === me.id) await queryClient.invalidateQueries({ queryKey: ['/orgs'] });
    },
  });

  const columns: Column<OrganizationMember>[] = [
    { header: 'Email', cell: (member) => member.email },
    { header: 'Name', cell: (member) => member.name ?? '' },
    {
      header: 'Role',
      cell: (member) =>
        manages ? (
          <NativeSelect
            aria-label={`Role of ${member.email}`}
            data={[...ORGANIZATION_ROLES]}
            value={member.role}
            disabled={changeRole.isPending}
            onChange={(event) =>
              changeRole.mutate({ userId: member.user_id, role: event.currentTarget.value as OrganizationRole })
            }
          />
        ) : (
          member.role
        ),
    },
    {
      header: 'Actions',
      cell: (member) => {
        const self = member.user_id === me.id;
        if (!manages && !self) return null;
        return (
          <ConfirmButton
            label={self ? 'Leave' : 'Remove'}
            aria-label={self ? 'Leave the organization' : `Remove ${member.email}`}
            question={self ? 'Leave this organization?' : `Remove ${member.email} from the organization?`}
            confirmLabel={self ? 'Leave' : 'Remove the member'}
            color="red"
            size="xs"
            variant="light"
            onConfirm={() => remove.mutate(member.user_id)}
          />
        );
      },
    },
  ];

  return (
    <Card withBorder component="section" aria-labelledby="members-heading">
      <Stack>
        <Group justify="space-between">
          <Title order={3} id="members-heading">
            Members
          </Title>
          {(changeRole.isPending || remove.isPending) && <Loader size="sm" aria-label="Saving" />}
        </Group>
        <ErrorAlert error={changeRole.error} title="The role was not changed" />
        <ErrorAlert error={remove.error} title="The member was not removed" />
        <ListTable
          noun="members"
          query={paged.query}
          paging={paged}
          columns={columns}
          rowKey={(member) => member.user_id}
          empty={{ title: 'No members', description: 'Add someone by their email.' }}
          minWidth={640}
        />
        {manages && <AddMemberForm membersPath={path} onAdded={refresh} />}
      </Stack>
    </Card>
  );
}
