import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SecretReveal } from './secret-reveal';

describe('SecretReveal', () => {
  it('shows the Client ID and the Client secret with copy buttons and says the secret will not be shown again', () => {
    render(
      <MantineProvider>
        <SecretReveal clientId="app-123" clientSecret="s3cret-value" />
      </MantineProvider>,
    );
    expect(screen.getByText('Client ID')).toBeInTheDocument();
    expect(screen.getByText('app-123')).toBeInTheDocument();
    expect(screen.getByText('Client secret')).toBeInTheDocument();
    expect(screen.getByText('s3cret-value')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy Client ID' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy Client secret' })).toBeInTheDocument();
    expect(screen.getByText(/will not be shown again/)).toBeInTheDocument();
  });

  it('shows no secret and no warning for a public app', () => {
    render(
      <MantineProvider>
        <SecretReveal clientId="spa-1" />
      </MantineProvider>,
    );
    expect(screen.getByText('spa-1')).toBeInTheDocument();
    expect(screen.queryByText('Client secret')).not.toBeInTheDocument();
    expect(screen.queryByText(/will not be shown again/)).not.toBeInTheDocument();
  });
});
