import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { usePortal } from '../../api/api-context';
import { ORGANIZATION_ROLES, type OrganizationMember, type OrganizationRole } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';

/** Adds an existing user by email, with a role. */
export function AddMemberForm({ membersPath, onAdded }: { membersPath: string; onAdded: () => Promise<void> }) {
  const { api } = usePortal();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrganizationRole>('member');
  const add = useMutation({
    mutationFn: () =>
      api.request<OrganizationMember>(membersPath, { method: 'POST', body: { email: email.trim(), role } }),
    onSuccess: async () => {
      setEmail('');
      await onAdded();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <form onSubmit={submit} aria-label="Add a member">
      <ErrorAlert error={add.error} title="The member was not added" />
      <Group align="flex-end" mt="xs">
        <TextInput
          label="Member email"
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          miw={240}
        />
        <NativeSelect
          label="Role"
          data={[...ORGANIZATION_ROLES]}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value as OrganizationRole)}
        />
        <Button type="submit" loading={add.isPending}>
          Add member
        </Button>
      </Group>
    </form>
  );
}
