import { ClientNameField, GrantTypesField, ScopesField } from './client-fields';

/** Every field optional; what is absent stays as it is. */
export class UpdateClientDto {
  @ClientNameField(false)
  name?: string;

  @GrantTypesField('Allowed grant types; client_credentials only for confidential clients')
  grant_types?: string[];

  @ScopesField('Allowed scopes: existing, non-admin scopes')
  scopes?: string[];
}
