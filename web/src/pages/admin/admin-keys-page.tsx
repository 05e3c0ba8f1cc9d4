import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { usePortal } from '../../api/api-context';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorAlert } from '../../components/error-alert';

/** Signing keys: rotate; the previous key stays in the JWKS until its tokens have expired. */
export function AdminKeysPage() {
  const { api } = usePortal();
  const rotate = useMutation({
    mutationFn: () => api.request<{ kid: string }>('/admin/keys/rotate', { method: 'POST' }),
  });
  return (
    <Stack maw={640}>
      <Title order={2}>Signing keys</Title>
      <Text>
        New tokens are signed with a new key at once; tokens signed with the previous key stay valid until they expire.
        The public keys are at{' '}
        <Button component="a" variant="subtle" size="compact-sm" href="/.well-known/jwks.json">
          /.well-known/jwks.json
        </Button>
        .
      </Text>
      <ErrorAlert error={rotate.error} title="The key was not rotated" />
      {rotate.data && (
        <Alert color="green" title="Rotated">
          The new key id is {rotate.data.kid}.
        </Alert>
      )}
      <ConfirmButton
        label="Rotate signing key"
        question="Sign every new token with a new key?"
        confirmLabel="Rotate"
        loading={rotate.isPending}
        w="fit-content"
        onConfirm={() => rotate.mutate()}
      />
    </Stack>
  );
}
