import { Button, Checkbox, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';

export interface AppFormValues {
  name: string;
  confidential: boolean;
  grant_types: string[];
  scopes: string[];
  redirect_uris: string[];
}

interface AppFormProps {
  /** From the server's metadata (RFC 8414 grant_types_supported, scopes_supported). */
  grantTypes: string[];
  scopes: string[];
  initial: AppFormValues;
  /** Creating asks whether the app is confidential; it cannot change afterwards. */
  mode: 'create' | 'edit';
  submitting: boolean;
  onSubmit: (values: AppFormValues) => void;
}

const CODE_GRANT = 'authorization_code';
const CLIENT_CREDENTIALS = 'client_credentials';

/** Name, kind, grant types, scopes and redirect URIs of an app, checked by the server on submit. */
export function AppForm({ grantTypes, scopes, initial, mode, submitting, onSubmit }: AppFormProps) {
  const [values, setValues] = useState(initial);
  const [redirectText, setRedirectText] = useState(initial.redirect_uris.join('\n'));
  const set = <K extends keyof AppFormValues>(key: K, value: AppFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  // RFC 6749 §4.4: client_credentials needs a client that can authenticate.
  const offeredGrants = values.confidential ? grantTypes : grantTypes.filter((grant) => grant !== CLIENT_CREDENTIALS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const redirectUris = redirectText
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    onSubmit({
      ...values,
      name: values.name.trim(),
      grant_types: values.grant_types.filter((grant) => offeredGrants.includes(grant)),
      redirect_uris: values.grant_types.includes(CODE_GRANT) ? redirectUris : [],
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        <TextInput
          label="Name"
          required
          maxLength={200}
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
        />
        {mode === 'create' && (
          <Radio.Group
            label="Kind of app"
            value={values.confidential ? 'confidential' : 'public'}
            onChange={(kind) => set('confidential', kind === 'confidential')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="confidential" label="Confidential: runs on a server and can keep a secret" />
              <Radio value="public" label="Public: runs in a browser or on a phone, no secret" />
            </Stack>
          </Radio.Group>
        )}
        <Checkbox.Group
          label="Grant types"
          value={values.grant_types}
          onChange={(granted) => set('grant_types', granted)}
        >
          <Stack gap="xs" mt="xs">
            {offeredGrants.map((grant) => (
              <Checkbox key={grant} value={grant} label={grant} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group label="Scopes" value={values.scopes} onChange={(chosen) => set('scopes', chosen)}>
          <Group gap="md" mt="xs">
            {scopes.map((scope) => (
              <Checkbox key={scope} value={scope} label={scope} />
            ))}
          </Group>
        </Checkbox.Group>
        {values.grant_types.includes(CODE_GRANT) && (
          <Textarea
            label="Redirect URIs"
            description="One per line: https://, loopback http://127.0.0.1, or an app scheme"
            rows={3}
            value={redirectText}
            onChange={(event) => setRedirectText(event.currentTarget.value)}
          />
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {mode === 'create' ? 'Create' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
