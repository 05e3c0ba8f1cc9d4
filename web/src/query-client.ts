import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/api-error';

/** A 4xx will not change by asking again; a network fault or 5xx may, twice. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}
