import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import type { PortalApi, RequestOptions } from '../../api/portal-api';
import { renderInPortal } from '../../test/render-portal';
import { Consents } from './consents';
import { LinkedIdentities } from './linked-identities';

const CONSENT = {
  client_id: 'app/1',
  client_name: 'Notes',
  scopes: ['openid', 'profile'],
  created_at: '2026-12-01T10:00:00.000Z',
  updated_at: '2026-12-01T10:00:00.000Z',
};
const IDENTITY = {
  id: 'i1',
  provider: 'google',
  subject: 'sub-1',
  email: null,
  created_at: '2026-12-01T10:00:00.000Z',
};

/** A stand-in API: GET answers `list`, DELETE `remove()`. */
function fakeApi(list: unknown, remove: () => Promise<unknown> = () => Promise.resolve(undefined)) {
  return vi.fn((_path: string, options?: RequestOptions) =>
    options?.method === 'DELETE' ? remove() : Promise.resolve(list),
  );
}

describe('My account lists', () => {
  it('revokes a consent after asking, at its encoded path, and reloads the list', async () => {
    const request = fakeApi({ items: [CONSENT], total: 1 });
    renderInPortal(<Consents />, { request } as PortalApi);
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByRole('heading', { name: 'Apps you allowed' })).toBeInTheDocument();
    expect(await screen.findByText('Notes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Revoke Notes' }));
    expect(request).not.toHaveBeenCalledWith(expect.anything(), { method: 'DELETE' });
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke' }));

    await waitFor(() => expect(request).toHaveBeenCalledWith('/users/me/consents/app%2F1', { method: 'DELETE' }));
    await waitFor(() =>
      expect(request.mock.calls.filter(([path]) => path.startsWith('/users/me/consents?'))).toHaveLength(2),
    );
  });

  it('shows the server’s message when unlinking an identity fails', async () => {
    renderInPortal(<LinkedIdentities />, {
      request: fakeApi([IDENTITY], () => Promise.reject(new ApiError(409, 'Your only way to sign in'))),
    } as PortalApi);
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: 'Unlink google sub-1' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Unlink' }));
    expect(await screen.findByText('The identity was not unlinked')).toBeInTheDocument();
    expect(screen.getByText('Your only way to sign in')).toBeInTheDocument();
  });

  it('says when no identity is linked', async () => {
    renderInPortal(<LinkedIdentities />, { request: fakeApi([]) } as PortalApi);
    expect(await screen.findByText('No linked identities')).toBeInTheDocument();
  });
});
