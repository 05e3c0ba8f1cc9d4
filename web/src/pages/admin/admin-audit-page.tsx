import { Code, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { AuditEvent } from '../../api/types';
import { type Column, ListTable } from '../../components/list-table';
import { usePagedQuery } from '../../components/paged-query';

const NO_FILTERS = { type: '', user: '', client: '', from: '', to: '' };

/** `datetime-local` gives local wall-clock time; the API wants ISO 8601. */
function toIso(local: string): string {
  const time = new Date(local);
  return local === '' || Number.isNaN(time.getTime()) ? '' : time.toISOString();
}

const COLUMNS: Column<AuditEvent>[] = [
  { header: 'Time', cell: (event) => new Date(event.created_at).toLocaleString() },
  { header: 'Type', cell: (event) => <Code>{event.type}</Code> },
  { header: 'User', cell: (event) => event.actor_user_id ?? event.subject ?? '' },
  { header: 'Client', cell: (event) => event.client_id ?? '' },
  { header: 'Address', cell: (event) => event.ip ?? '' },
  { header: 'Details', cell: (event) => (event.details === null ? '' : JSON.stringify(event.details)) },
];

/** The audit log, newest first, filtered by type, user, client and time, a page at a time. */
export function AdminAuditPage() {
  const [filters, setFilters] = useState(NO_FILTERS);
  const paged = usePagedQuery<AuditEvent>('/admin/audit', {
    ...filters,
    from: toIso(filters.from),
    to: toIso(filters.to),
  });
  const filter = (name: keyof typeof NO_FILTERS, label: string, type = 'text') => (
    <TextInput
      label={label}
      type={type}
      value={filters[name]}
      onChange={(event) => {
        setFilters({ ...filters, [name]: event.currentTarget.value });
        paged.setPage(1);
      }}
    />
  );

  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      <Group align="flex-end">
        {filter('type', 'Event type')}
        {filter('user', 'User id')}
        {filter('client', 'Client ID')}
        {filter('from', 'From', 'datetime-local')}
        {filter('to', 'Before', 'datetime-local')}
      </Group>
      <ListTable
        noun="audit events"
        query={paged.query}
        paging={paged}
        columns={COLUMNS}
        rowKey={(event) => event.id}
        empty={{ title: 'No events', description: 'Nothing matches these filters.' }}
        minWidth={900}
      />
    </Stack>
  );
}
