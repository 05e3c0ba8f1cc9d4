import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  IdentityProviderForm,
  type IdentityProviderFormValues,
  identityProviderBody,
  NEW_IDENTITY_PROVIDER,
} from './identity-provider-form';

describe('identityProviderBody', () => {
  const oidc: IdentityProviderFormValues = {
    ...NEW_IDENTITY_PROVIDER,
    alias: ' google ',
    issuer: 'https://accounts.google.com',
    audiences: 'web-app\n\n  mobile-app \n',
    app_id: 'left over from facebook',
  };

  it('sends only the fields of the provider’s type, audiences one per line', () => {
    expect(identityProviderBody(oidc, 'create')).toEqual({
      alias: 'google',
      type: 'oidc',
      issuer: 'https://accounts.google.com',
      jwks_uri: undefined,
      audiences: ['web-app', 'mobile-app'],
      create_users: false,
    });
  });

  it('on edit never sends alias or type, and an empty JWKS URI returns to discovery (null)', () => {
    expect(identityProviderBody(oidc, 'edit')).toEqual({
      issuer: 'https://accounts.google.com',
      jwks_uri: null,
      audiences: ['web-app', 'mobile-app'],
      create_users: false,
    });
  });

  it('keeps a stored Facebook app secret when the field is left empty', () => {
    const facebook = { ...NEW_IDENTITY_PROVIDER, type: 'facebook' as const, app_id: '1234', issuer: 'ignored' };
    expect(identityProviderBody(facebook, 'edit')).toEqual({
      app_id: '1234',
      app_secret: undefined,
      graph_api_url: undefined,
      create_users: false,
    });
  });
});

describe('IdentityProviderForm', () => {
  it('asks for an issuer for an OpenID provider and for the app id and secret for Facebook', async () => {
    const onSubmit = vi.fn();
    render(
      <MantineProvider>
        <IdentityProviderForm mode="create" initial={NEW_IDENTITY_PROVIDER} submitting={false} onSubmit={onSubmit} />
      </MantineProvider>,
    );
    const user = userEvent.setup({ delay: null });

    expect(screen.getByLabelText('Issuer')).toBeInTheDocument();
    expect(screen.queryByLabelText('App secret')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/Alias/), 'facebook');
    await user.click(screen.getByLabelText(/Facebook/));
    expect(screen.queryByLabelText('Issuer')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('App ID'), '1234');
    await user.type(screen.getByLabelText('App secret'), 'app-secret');
    await user.click(screen.getByRole('button', { name: 'Add identity provider' }));

    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ alias: 'facebook', type: 'facebook', app_id: '1234', app_secret: 'app-secret' }),
    );
  });

  it('on edit neither alias nor type can change, and a stored secret is said to be kept', () => {
    render(
      <MantineProvider>
        <IdentityProviderForm
          mode="edit"
          initial={{ ...NEW_IDENTITY_PROVIDER, alias: 'facebook', type: 'facebook' }}
          hasAppSecret
          submitting={false}
          onSubmit={() => undefined}
        />
      </MantineProvider>,
    );
    expect(screen.queryByLabelText(/Alias/)).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/OpenID provider/)).not.toBeInTheDocument();
    expect(screen.getByText('Stored; leave empty to keep it')).toBeInTheDocument();
  });
});
