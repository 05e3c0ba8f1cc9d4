import { Alert } from '@mantine/core';

/** The server's own message for a failed request, announced to screen readers. */
export function ErrorAlert({ error, title = 'That did not work' }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <Alert color="red" title={title} role="alert">
      {message}
    </Alert>
  );
}
