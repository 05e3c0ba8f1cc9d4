import { Code, Group } from '@mantine/core';
import type { Consent } from '../../api/types';
import { DeletableListCard } from '../../components/deletable-list-card';
import type { Column } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';

const PATH = '/users/me/consents';

const COLUMNS: Column<Consent>[] = [
  { header: 'App', cell: (consent) => consent.client_name },
  {
    header: 'Scopes',
    cell: (consent) => (
      <Group gap={4}>
        {consent.scopes.map((scope) => (
          <Code key={scope}>{scope}</Code>
        ))}
      </Group>
    ),
  },
  { header: 'Allowed', cell: (consent) => new Date(consent.created_at).toLocaleDateString() },
];

/** The apps this person allowed on the consent page; withdrawing ends the app's refresh tokens for them. */
export function Consents() {
  const paged = usePagedQuery<Consent>(PATH, {});
  return (
    <DeletableListCard
      path={PATH}
      title="Apps you allowed"
      headingId="consents-heading"
      noun="consents"
      query={paged.query}
      paging={paged}
      columns={COLUMNS}
      rowKey={(consent) => consent.client_id}
      deletion={{
        verb: 'Revoke',
        ariaLabel: (consent) => `Revoke ${consent.client_name}`,
        question: (consent) =>
          `Withdraw what you allowed ${consent.client_name}? It asks again next time, and its sessions with your account end.`,
        failure: 'The consent was not revoked',
      }}
      empty={{ title: 'No apps allowed', description: 'Apps you allow on a consent page are listed here.' }}
      minWidth={640}
    />
  );
}
