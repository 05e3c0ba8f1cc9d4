import { Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { usePortal } from '../../api/api-context';
import { ErrorAlert } from '../../components/error-alert';
import { Consents } from './consents';
import { LinkedIdentities } from './linked-identities';

/** The signed-in person: who they are, a new password, linked identities, allowed apps, signing out. */
export function AccountPage() {
  const { api, me, signOut } = usePortal();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: () =>
      api.request<void>('/users/me/password', {
        method: 'POST',
        body: { current_password: currentPassword, new_password: newPassword },
      }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };

  return (
    <Stack maw={860}>
      <Title order={2}>My account</Title>
      <Card withBorder>
        <Stack gap="xs">
          <Text>
            <strong>Name:</strong> {me.name ?? '(none)'}
          </Text>
          <Text>
            <strong>Email:</strong> {me.email}
          </Text>
          <Text>
            <strong>Member since:</strong> {new Date(me.created_at).toLocaleDateString()}
          </Text>
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="password-heading">
        <form onSubmit={submit}>
          <Stack>
            <Title order={3} id="password-heading">
              Change password
            </Title>
            <ErrorAlert error={change.error} title="The password was not changed" />
            {change.isSuccess && <Text c="green.8">Password changed. Other sessions were signed out.</Text>}
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            />
            <PasswordInput
              label="New password"
              description="10 to 128 characters, not your email"
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(event) => setNewPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={change.isPending} w="fit-content">
              Change password
            </Button>
          </Stack>
        </form>
      </Card>
      <LinkedIdentities />
      <Consents />
      <Button variant="default" w="fit-content" onClick={() => void signOut()}>
        Sign out
      </Button>
    </Stack>
  );
}
