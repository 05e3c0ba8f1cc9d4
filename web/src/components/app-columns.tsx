import { Anchor, Badge, Code } from '@mantine/core';
import { Link } from 'react-router';
import type { ClientApp } from '../api/types';
import type { Column } from './list-table';

/** An app in a list (one's own or an organization's): its name links to its page. */
export const APP_COLUMNS: Column<ClientApp>[] = [
  {
    header: 'Name',
    cell: (app) => (
      <Anchor component={Link} to={`/apps/${encodeURIComponent(app.client_id)}`}>
        {app.name}
      </Anchor>
    ),
  },
  { header: 'Client ID', cell: (app) => <Code>{app.client_id}</Code> },
  {
    header: 'Kind',
    cell: (app) => (
      <Badge variant="light" color={app.confidential ? 'blue' : 'gray'}>
        {app.confidential ? 'confidential' : 'public'}
      </Badge>
    ),
  },
  { header: 'Created', cell: (app) => new Date(app.created_at).toLocaleDateString() },
];
