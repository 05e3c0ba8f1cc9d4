import type { AuthSession } from '../auth/auth-session';
import { ApiError, apiErrorFrom } from './api-error';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
}

/** How pages talk to the REST API; tests give pages their own implementation. */
export interface PortalApi {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
}

/**
 * The REST API with the signed-in person's bearer token (RFC 6750 §2.1). A 401 first tries one
 * renewal with the refresh token, then sends the person to sign in again, back to the same page.
 */
export function createPortalApi(session: AuthSession, signInAgain: () => Promise<void>): PortalApi {
  const send = (path: string, { method = 'GET', body }: RequestOptions): Promise<Response> =>
    fetch(path, {
      method,
      headers: {
        ...(session.accessToken === undefined ? {} : { authorization: `Bearer ${session.accessToken}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  return {
    async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
      let response = await send(path, options);
      if (response.status === 401 && (await session.refresh())) response = await send(path, options);
      if (response.status === 401) {
        await signInAgain();
        throw new ApiError(401, 'Your session has ended; signing you in again…');
      }
      if (!response.ok) throw await apiErrorFrom(response);
      if (response.status === 204) return undefined as T;
      return (await response.json()) as T;
    },
  };
}
