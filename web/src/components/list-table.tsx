import { EmptyState, Loader, Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';
import { LabelledPagination } from './labelled-pagination';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/** The page a `usePagedQuery` list is on; lists read in one go have none. */
export interface Paging {
  page: number;
  pages: number;
  setPage: (page: number) => void;
}

interface ListTableProps<T> {
  /** What the rows are, in the plural ("users"): names the loader, the error and the pagination. */
  noun: string;
  query: UseQueryResult<{ items: T[] }>;
  /** The rows to show, when the page narrows what the query loaded (a search); else the query's items. */
  rows?: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  empty: { title: string; description: string };
  /** Wider than this, the table scrolls sideways in its own (focusable) region: usable on a phone. */
  minWidth: number;
  paging?: Paging;
}

/**
 * Every list in the portal: a loader while it loads, the server's message when it fails, an empty
 * state when there is nothing, else a table and, when there are several pages, the pagination.
 */
export function ListTable<T>({ noun, query, rows, columns, rowKey, empty, minWidth, paging }: ListTableProps<T>) {
  const items = rows ?? query.data?.items ?? [];
  return (
    <>
      <ErrorAlert error={query.error} title={`The ${noun} could not be loaded`} />
      {query.isPending && <Loader aria-label={`Loading the ${noun}`} />}
      {query.isSuccess && items.length === 0 && <EmptyState title={empty.title} description={empty.description} />}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.header}>{column.header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {paging && paging.pages > 1 && (
        <LabelledPagination
          total={paging.pages}
          value={paging.page}
          onChange={paging.setPage}
          aria-label={`Pages of the ${noun}`}
        />
      )}
    </>
  );
}
