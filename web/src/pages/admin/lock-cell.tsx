import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePortal } from '../../api/api-context';
import type { LockState } from '../../api/types';

/** A user's sign-in lockout (brute-force protection) and the button that lifts it. */
export function LockCell({ userId, email }: { userId: string; email: string }) {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const path = `/admin/users/${encodeURIComponent(userId)}`;
  const lock = useQuery({ queryKey: ['lock', userId], queryFn: () => api.request<LockState>(`${path}/lock`) });
  const unlock = useMutation({
    mutationFn: () => api.request<unknown>(`${path}/unlock`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['lock', userId] }),
  });
  if (lock.isError) return <Text c="red.8">{lock.error.message}</Text>;
  if (!lock.data) return <Text c="dimmed">…</Text>;
  if (!lock.data.locked) return <Text>{lock.data.failures > 0 ? `${lock.data.failures} failures` : 'Not locked'}</Text>;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text c="red.8">Locked</Text>
      <Button size="xs" loading={unlock.isPending} onClick={() => unlock.mutate()} aria-label={`Unlock ${email}`}>
        Unlock
      </Button>
      {unlock.isError && <Text c="red.8">{unlock.error.message}</Text>}
    </Group>
  );
}
