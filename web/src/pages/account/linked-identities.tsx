import { Code } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { usePortal } from '../../api/api-context';
import type { LinkedIdentity } from '../../api/types';
import { DeletableListCard } from '../../components/deletable-list-card';
import type { Column } from '../../components/list-table';

const PATH = '/users/me/identities';

const COLUMNS: Column<LinkedIdentity>[] = [
  { header: 'Provider', cell: (identity) => identity.provider },
  { header: 'Subject', cell: (identity) => <Code>{identity.subject}</Code> },
  { header: 'Email', cell: (identity) => identity.email ?? '' },
  { header: 'Linked', cell: (identity) => new Date(identity.created_at).toLocaleDateString() },
];

/** The external identities (Google, Facebook, …) that sign this person in; unlinking one stops that. */
export function LinkedIdentities() {
  const { api } = usePortal();
  // The API answers a plain list (a person links a handful at most).
  const identities = useQuery({
    queryKey: [PATH],
    queryFn: async () => ({ items: await api.request<LinkedIdentity[]>(PATH) }),
  });
  return (
    <DeletableListCard
      path={PATH}
      title="Linked identities"
      headingId="identities-heading"
      noun="linked identities"
      query={identities}
      columns={COLUMNS}
      rowKey={(identity) => identity.id}
      deletion={{
        verb: 'Unlink',
        ariaLabel: (identity) => `Unlink ${identity.provider} ${identity.subject}`,
        question: (identity) => `Stop signing in with this ${identity.provider} identity?`,
        failure: 'The identity was not unlinked',
      }}
      empty={{ title: 'No linked identities', description: 'You sign in with your email and password only.' }}
      minWidth={640}
    />
  );
}
