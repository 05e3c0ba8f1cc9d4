import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import {
  ClientNameField,
  GrantTypesField,
  POST_LOGOUT_REDIRECT_URIS_DESCRIPTION,
  REDIRECT_URIS_DESCRIPTION,
  RedirectUrisField,
  ScopesField,
} from './client-fields';

export class CreateClientDto {
  @ClientNameField(true)
  name!: string;

  @GrantTypesField(
    'Allowed grant types; client_credentials only for confidential clients. Default: password refresh_token',
  )
  grant_types?: string[];

  @ScopesField('Allowed scopes: existing, non-admin scopes. Default: the default scopes')
  scopes?: string[];

  @RedirectUrisField(REDIRECT_URIS_DESCRIPTION, ['http://127.0.0.1/callback', 'https://app.example.com/callback'])
  redirect_uris?: string[];

  @RedirectUrisField(POST_LOGOUT_REDIRECT_URIS_DESCRIPTION, ['https://app.example.com/'])
  post_logout_redirect_uris?: string[];

  @ApiPropertyOptional({
    description: 'A confidential client gets a secret (servers); a public one does not (mobile, SPA). Default true',
    example: true,
    default: true,
  })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;
}
