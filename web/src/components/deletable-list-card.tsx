import { Card, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { usePortal } from '../api/api-context';
import { ConfirmButton } from './confirm-button';
import { ErrorAlert } from './error-alert';
import { type Column, ListTable, type Paging } from './list-table';

/** The one action of every row: a confirmed DELETE of `${path}/${rowKey(row)}`. */
interface RowDeletion<T> {
  /** The button's word ("Revoke"), also the dialog's title and its confirming button. */
  verb: string;
  ariaLabel: (row: T) => string;
  question: (row: T) => string;
  /** The alert's title when the server refuses. */
  failure: string;
}

interface DeletableListCardProps<T> {
  /** The list's API path, also its query key: a deletion refreshes every page of it. */
  path: string;
  title: string;
  headingId: string;
  noun: string;
  query: UseQueryResult<{ items: T[] }>;
  paging?: Paging;
  /** The columns before the Actions column. */
  columns: Column<T>[];
  rowKey: (row: T) => string;
  deletion: RowDeletion<T>;
  empty: { title: string; description: string };
  minWidth: number;
}

/** A titled card listing what the person holds (consents, linked identities), each row deletable. */
export function DeletableListCard<T>({
  path,
  title,
  headingId,
  noun,
  query,
  paging,
  columns,
  rowKey,
  deletion,
  empty,
  minWidth,
}: DeletableListCardProps<T>) {
  const { api } = usePortal();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (key: string) => api.request<void>(`${path}/${encodeURIComponent(key)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [path] }),
  });
  const actions: Column<T> = {
    header: 'Actions',
    cell: (row) => (
      <ConfirmButton
        label={deletion.verb}
        aria-label={deletion.ariaLabel(row)}
        question={deletion.question(row)}
        confirmLabel={deletion.verb}
        color="red"
        size="xs"
        variant="light"
        loading={remove.isPending && remove.variables === rowKey(row)}
        onConfirm={() => remove.mutate(rowKey(row))}
      />
    ),
  };

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack>
        <Title order={3} id={headingId}>
          {title}
        </Title>
        <ErrorAlert error={remove.error} title={deletion.failure} />
        <ListTable
          noun={noun}
          query={query}
          paging={paging}
          columns={[...columns, actions]}
          rowKey={rowKey}
          empty={empty}
          minWidth={minWidth}
        />
      </Stack>
    </Card>
  );
}
