import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { ClientNameField, GrantTypesField, ScopesField } from './client-fields';

export class CreateClientDto {
  @ClientNameField(true)
  name!: string;

  @GrantTypesField(
    'Allowed grant types; client_credentials only for confidential clients. Default: password refresh_token',
  )
  grant_types?: string[];

  @ScopesField('Allowed scopes: existing, non-admin scopes. Default: the default scopes')
  scopes?: string[];

  @ApiPropertyOptional({
    description: 'A confidential client gets a secret (servers); a public one does not (mobile, SPA). Default true',
    example: true,
    default: true,
  })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;
}
