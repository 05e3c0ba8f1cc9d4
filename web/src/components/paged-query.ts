import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { usePortal } from '../api/api-context';
import type { Page } from '../api/types';

export const PAGE_SIZE = 20;

/** A `{items, total}` list read page by page (`?limit=&offset=`), with the filters as query parameters. */
export function usePagedQuery<T>(path: string, filters: Record<string, string>) {
  const { api } = usePortal();
  const [page, setPage] = useState(1);
  const parameters = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
  for (const [name, value] of Object.entries(filters)) if (value.trim() !== '') parameters.set(name, value.trim());
  const query = useQuery({
    queryKey: [path, parameters.toString()],
    queryFn: () => api.request<Page<T>>(`${path}?${parameters.toString()}`),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((query.data?.total ?? 0) / PAGE_SIZE));
  return { query, page, pages, setPage };
}
