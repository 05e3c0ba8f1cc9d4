import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { PortalApi, RequestOptions } from '../api/portal-api';
import { renderInPortal } from '../test/render-portal';
import { NewAppPage } from './new-app-page';

const CREATED = {
  client_id: 'q3Jx9c2Vb1TQ0sXk7m4Wng',
  client_secret: 'Zk1yQ2x2bHd3dGZ4b3N0eFd2c0VqQnB5c2hJd2dGb2k',
  name: 'Billing',
  grant_types: ['client_credentials'],
  scopes: ['contacts.read'],
  confidential: true,
  created_at: '2026-12-02T10:00:00.000Z',
  updated_at: '2026-12-02T10:00:00.000Z',
};

describe('New application', () => {
  it('sends the form and then shows the Client ID and the Client secret once', async () => {
    const request = vi.fn((_path: string, _options?: RequestOptions) => Promise.resolve(CREATED));
    renderInPortal(<NewAppPage />, { request } as PortalApi);
    const user = userEvent.setup({ delay: null });

    await user.type(screen.getByLabelText(/Name/), '  Billing ');
    await user.click(screen.getByLabelText('contacts.read'));
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText(CREATED.client_secret)).toBeInTheDocument();
    expect(screen.getByText(CREATED.client_id)).toBeInTheDocument();
    expect(screen.getByText(/will not be shown again/)).toBeInTheDocument();
    expect(request).toHaveBeenCalledWith('/clients', {
      method: 'POST',
      body: { name: 'Billing', confidential: true, grant_types: ['client_credentials'], scopes: ['contacts.read'] },
    });
  });

  it('offers no client_credentials and sends no secret-bearing kind for a public app; redirect URIs with the code grant', async () => {
    const request = vi.fn((_path: string, _options?: RequestOptions) =>
      Promise.resolve({ ...CREATED, confidential: false, client_secret: undefined }),
    );
    renderInPortal(<NewAppPage />, { request } as PortalApi);
    const user = userEvent.setup({ delay: null });

    await user.type(screen.getByLabelText(/Name/), 'Phone app');
    await user.click(screen.getByLabelText(/Public/));
    expect(screen.queryByLabelText('client_credentials')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Redirect URIs')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('authorization_code'));
    await user.type(screen.getByLabelText('Redirect URIs'), 'com.example.app:/callback');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(request).toHaveBeenCalled());
    expect(request.mock.calls[0][1]?.body).toEqual({
      name: 'Phone app',
      confidential: false,
      grant_types: ['authorization_code'],
      redirect_uris: ['com.example.app:/callback'],
    });
    expect(await screen.findByText(CREATED.client_id)).toBeInTheDocument();
    expect(screen.queryByText('Client secret')).not.toBeInTheDocument();
  });

  it('shows the server’s message when the app is refused, and keeps what was typed', async () => {
    const request = vi.fn(() =>
      Promise.reject(new ApiError(400, 'name must be shorter than or equal to 200 characters')),
    );
    renderInPortal(<NewAppPage />, { request } as PortalApi);
    const user = userEvent.setup({ delay: null });

    await user.type(screen.getByLabelText(/Name/), 'Too long');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('name must be shorter than or equal to 200 characters');
    expect(screen.getByLabelText(/Name/)).toHaveValue('Too long');
  });
});
