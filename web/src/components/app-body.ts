import type { AppFormValues } from './app-form';

/** The JSON body for POST or PATCH /clients: optional lists only when they say something. */
export function appBody(values: AppFormValues, mode: 'create' | 'edit'): Record<string, unknown> {
  return {
    name: values.name,
    ...(mode === 'create' ? { confidential: values.confidential } : {}),
    ...(values.grant_types.length > 0 ? { grant_types: values.grant_types } : {}),
    ...(values.scopes.length > 0 ? { scopes: values.scopes } : {}),
    ...(values.redirect_uris.length > 0 ? { redirect_uris: values.redirect_uris } : {}),
  };
}
