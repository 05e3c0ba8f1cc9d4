import { Alert, Stack } from '@mantine/core';
import { CopyField } from './copy-field';

/**
 * The one moment a client secret is visible (at creation and at rotation): the server keeps only its
 * hash, so leaving this page loses it for good.
 */
export function SecretReveal({ clientId, clientSecret }: { clientId: string; clientSecret?: string }) {
  return (
    <Stack>
      <CopyField label="Client ID" value={clientId} />
      {clientSecret !== undefined && (
        <>
          <CopyField label="Client secret" value={clientSecret} />
          <Alert color="yellow" title="Copy the secret now">
            The client secret will not be shown again. Store it somewhere safe; if it is lost, rotate it.
          </Alert>
        </>
      )}
    </Stack>
  );
}
