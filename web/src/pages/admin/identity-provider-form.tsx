import { Button, Checkbox, Group, PasswordInput, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { IdentityProvider, IdentityProviderType } from '../../api/types';

export interface IdentityProviderFormValues {
  alias: string;
  type: IdentityProviderType;
  issuer: string;
  jwks_uri: string;
  audiences: string;
  create_users: boolean;
  app_id: string;
  app_secret: string;
  graph_api_url: string;
}

export const NEW_IDENTITY_PROVIDER: IdentityProviderFormValues = {
  alias: '',
  type: 'oidc',
  issuer: '',
  jwks_uri: '',
  audiences: '',
  create_users: false,
  app_id: '',
  app_secret: '',
  graph_api_url: '',
};

/** What the edit form starts from: the stored provider (its app secret is never sent back). */
export function formValuesOf(provider: IdentityProvider): IdentityProviderFormValues {
  return {
    alias: provider.alias,
    type: provider.type,
    issuer: provider.issuer ?? '',
    jwks_uri: provider.jwks_uri ?? '',
    audiences: provider.audiences.join('\n'),
    create_users: provider.create_users,
    app_id: provider.app_id ?? '',
    app_secret: '',
    graph_api_url: provider.graph_api_url ?? '',
  };
}

/**
 * The JSON body for POST or PATCH /admin/identity-providers: only the fields of the provider's type;
 * alias and type are fixed once created; an empty JWKS URI on edit returns to discovery (null); an
 * empty app secret keeps the stored one.
 */
export function identityProviderBody(values: IdentityProviderFormValues, mode: 'create' | 'edit') {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const audiences = values.audiences
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const typed =
    values.type === 'oidc'
      ? { issuer: text(values.issuer), jwks_uri: text(values.jwks_uri) ?? (mode === 'edit' ? null : undefined) }
      : { app_id: text(values.app_id), app_secret: text(values.app_secret), graph_api_url: text(values.graph_api_url) };
  return {
    ...(mode === 'create' ? { alias: values.alias.trim(), type: values.type } : {}),
    ...typed,
    ...(audiences.length > 0 ? { audiences } : {}),
    create_users: values.create_users,
  };
}

interface IdentityProviderFormProps {
  initial: IdentityProviderFormValues;
  mode: 'create' | 'edit';
  submitting: boolean;
  /** Whether a Facebook app secret is stored already (then leaving the field empty keeps it). */
  hasAppSecret?: boolean;
  onSubmit: (values: IdentityProviderFormValues) => void;
}

/** An identity provider for federated sign-in: an OpenID provider, or Facebook; the server checks the URLs. */
export function IdentityProviderForm({ initial, mode, submitting, hasAppSecret, onSubmit }: IdentityProviderFormProps) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof IdentityProviderFormValues>(key: K, value: IdentityProviderFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const field = (key: 'issuer' | 'jwks_uri' | 'app_id' | 'graph_api_url', label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        {mode === 'create' && (
          <>
            <TextInput
              label="Alias"
              description="2 to 40 of a–z, 0–9 and -: its name here (subject_issuer)"
              required
              value={values.alias}
              onChange={(event) => set('alias', event.currentTarget.value)}
            />
            <Radio.Group label="Type" value={values.type} onChange={(type) => set('type', type)}>
              <Group mt="xs">
                <Radio value="oidc" label="OpenID provider (ID tokens, JWTs)" />
                <Radio value="facebook" label="Facebook (Graph API access tokens)" />
              </Group>
            </Radio.Group>
          </>
        )}
        {values.type === 'oidc' ? (
          <>
            {field('issuer', 'Issuer', 'The exact iss of its tokens, e.g. https://accounts.google.com')}
            {field('jwks_uri', 'JWKS URI', 'Empty: what its discovery document names')}
          </>
        ) : (
          <>
            {field('app_id', 'App ID')}
            <PasswordInput
              label="App secret"
              description={hasAppSecret ? 'Stored; leave empty to keep it' : 'Write-only, stored encrypted'}
              autoComplete="off"
              value={values.app_secret}
              onChange={(event) => set('app_secret', event.currentTarget.value)}
            />
            {field('graph_api_url', 'Graph API URL', 'Empty: https://graph.facebook.com')}
          </>
        )}
        <Textarea
          label="Audiences"
          description="One per line: our app's client ids at the provider"
          rows={2}
          value={values.audiences}
          onChange={(event) => set('audiences', event.currentTarget.value)}
        />
        <Checkbox
          label="Create a user for an unknown identity with a verified email no account uses"
          checked={values.create_users}
          onChange={(event) => set('create_users', event.currentTarget.checked)}
        />
        <Button type="submit" loading={submitting} w="fit-content">
          {mode === 'create' ? 'Add identity provider' : 'Save'}
        </Button>
      </Stack>
    </form>
  );
}
