import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import type { PortalApi, RequestOptions } from '../../api/portal-api';
import { renderInPortal } from '../../test/render-portal';
import { AddMemberForm } from './add-member-form';
import { OrgsPage } from './orgs-page';

const ACME = {
  id: 'o1',
  key: 'acme',
  name: 'Acme',
  role: 'owner',
  created_at: '2026-12-02T10:00:00.000Z',
  updated_at: '2026-12-02T10:00:00.000Z',
};

/** A stand-in API: GET answers `list`, anything else `write()`. */
function fakeApi(list: unknown, write: () => Promise<unknown> = () => Promise.resolve(ACME)) {
  return vi.fn((_path: string, options?: RequestOptions) =>
    options?.method === undefined ? Promise.resolve(list) : write(),
  );
}

describe('My organizations', () => {
  it('says there are none yet, and creates one with the key and name typed (trimmed)', async () => {
    const request = fakeApi({ items: [], total: 0 });
    renderInPortal(<OrgsPage />, { request } as PortalApi);
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText('No organizations yet')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Key/), ' acme ');
    await user.type(screen.getByLabelText(/Organization name/), 'Acme ');
    await user.click(screen.getByRole('button', { name: 'Create organization' }));

    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('/orgs', { method: 'POST', body: { key: 'acme', name: 'Acme' } }),
    );
  });

  it('lists the organizations with the person’s role, linked to their pages', async () => {
    renderInPortal(<OrgsPage />, { request: fakeApi({ items: [ACME], total: 1 }) } as PortalApi);
    expect(await screen.findByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/orgs/acme');
    expect(screen.getByText('owner')).toBeInTheDocument();
  });

  it('shows the server’s message when the list fails, and when the key is refused (keeping what was typed)', async () => {
    const request = vi.fn((_path: string, options?: RequestOptions) =>
      Promise.reject(
        options?.method === 'POST'
          ? new ApiError(400, 'key must be 2 to 40 of a-z, 0-9 and -')
          : new ApiError(503, 'The database is not reachable'),
      ),
    );
    renderInPortal(<OrgsPage />, { request } as PortalApi);
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText('The database is not reachable')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Key/), 'Bad Key');
    await user.type(screen.getByLabelText(/Organization name/), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Create organization' }));

    expect(await screen.findByText('key must be 2 to 40 of a-z, 0-9 and -')).toBeInTheDocument();
    expect(screen.getByLabelText(/Key/)).toHaveValue('Bad Key');
  });
});

describe('Add member', () => {
  it('adds an existing user by email with the role chosen, then empties the email', async () => {
    const request = vi.fn((_path: string, _options?: RequestOptions) => Promise.resolve({}));
    const onAdded = vi.fn(() => Promise.resolve());
    renderInPortal(<AddMemberForm membersPath="/orgs/acme/members" onAdded={onAdded} />, { request } as PortalApi);
    const user = userEvent.setup({ delay: null });

    await user.type(screen.getByLabelText(/Member email/), 'grace@example.com ');
    await user.selectOptions(screen.getByLabelText('Role'), 'admin');
    await user.click(screen.getByRole('button', { name: 'Add member' }));

    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(request).toHaveBeenCalledWith('/orgs/acme/members', {
      method: 'POST',
      body: { email: 'grace@example.com', role: 'admin' },
    });
    expect(screen.getByLabelText(/Member email/)).toHaveValue('');
  });

  it('shows the server’s message for an unknown email', async () => {
    const request = vi.fn(() => Promise.reject(new ApiError(404, 'No user has this email')));
    renderInPortal(<AddMemberForm membersPath="/orgs/acme/members" onAdded={() => Promise.resolve()} />, {
      request,
    } as PortalApi);
    const user = userEvent.setup({ delay: null });

    await user.type(screen.getByLabelText(/Member email/), 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Add member' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('No user has this email');
    expect(screen.getByLabelText(/Member email/)).toHaveValue('nobody@example.com');
  });
});
