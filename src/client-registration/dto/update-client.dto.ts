import {
  ClientNameField,
  GrantTypesField,
  POST_LOGOUT_REDIRECT_URIS_DESCRIPTION,
  REDIRECT_URIS_DESCRIPTION,
  RedirectUrisField,
  ScopesField,
} from './client-fields';

/** Every field optional; what is absent stays as it is. */
export class UpdateClientDto {
  @ClientNameField(false)
  name?: string;

  @GrantTypesField('Allowed grant types; client_credentials only for confidential clients')
  grant_types?: string[];

  @ScopesField('Allowed scopes: existing, non-admin scopes')
  scopes?: string[];

  @RedirectUrisField(REDIRECT_URIS_DESCRIPTION, ['http://127.0.0.1/callback', 'https://app.example.com/callback'])
  redirect_uris?: string[];

  @RedirectUrisField(POST_LOGOUT_REDIRECT_URIS_DESCRIPTION, ['https://app.example.com/'])
  post_logout_redirect_uris?: string[];
}
