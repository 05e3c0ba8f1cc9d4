import { Group, Stack, Text } from '@mantine/core';
import type { GeneratedToken } from '../api/types';
import { CopyField } from './copy-field';

interface GeneratedTokenViewProps {
  token: GeneratedToken;
  issuedAt: Date;
  /** The server's issuer: the curl line calls its demo resource. */
  issuer: string;
}

/** A freshly generated access token: the token, what it may do, until when, and a request that uses it. */
export function GeneratedTokenView({ token, issuedAt, issuer }: GeneratedTokenViewProps) {
  const expiresAt = new Date(issuedAt.getTime() + token.expires_in * 1000);
  const curl = `curl -H "Authorization: Bearer ${token.access_token}" ${issuer}/api/contacts`;
  return (
    <Stack>
      <CopyField label="Access token" value={token.access_token} />
      <Group gap="xl">
        <Text size="sm">
          <strong>Scopes:</strong> {token.scope}
        </Text>
        <Text size="sm">
          <strong>Expires:</strong> <time dateTime={expiresAt.toISOString()}>{expiresAt.toLocaleTimeString()}</time> (
          {token.expires_in} s)
        </Text>
      </Group>
      <CopyField label="Try it with curl" value={curl} />
    </Stack>
  );
}
