import { Code, EmptyState, Group, Loader, Stack, Table, TextInput, Title } from '@mantine/core';
import { LabelledPagination } from '../../components/labelled-pagination';
import { useState } from 'react';
import type { AuditEvent } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { usePagedQuery } from '../../components/paged-query';

const NO_FILTERS = { type: '', user: '', client: '', from: '', to: '' };

/** `datetime-local` gives local wall-clock time; the API wants ISO 8601. */
function toIso(local: string): string {
  const time = new Date(local);
  return local === '' || Number.isNaN(time.getTime()) ? '' : time.toISOString();
}

/** The audit log, newest first, filtered by type, user, client and time, a page at a time. */
export function AdminAuditPage() {
  const [filters, setFilters] = useState(NO_FILTERS);
  const { query, page, pages, setPage } = usePagedQuery<AuditEvent>('/admin/audit', {
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
        setPage(1);
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
      <ErrorAlert error={query.error} title="The audit log could not be loaded" />
      {query.isPending && <Loader aria-label="Loading the audit log" />}
      {query.data?.items.length === 0 && <EmptyState title="No events" description="Nothing matches these filters." />}
      {query.data && query.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900} type="native" tabIndex={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>User</Table.Th>
                <Table.Th>Client</Table.Th>
                <Table.Th>Address</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{new Date(event.created_at).toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Code>{event.type}</Code>
                  </Table.Td>
                  <Table.Td>{event.actor_user_id ?? event.subject ?? ''}</Table.Td>
                  <Table.Td>{event.client_id ?? ''}</Table.Td>
                  <Table.Td>{event.ip ?? ''}</Table.Td>
                  <Table.Td>{event.details === null ? '' : JSON.stringify(event.details)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && (
        <LabelledPagination total={pages} value={page} onChange={setPage} aria-label="Pages of the audit log" />
      )}
    </Stack>
  );
}
