import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import {
  ClientNameField,
  GrantTypesField,
  POST_LOGOUT_REDIRECT_URIS_DESCRIPTION,
  REDIRECT_URIS_DESCRIPTION,
  RedirectUrisField,
  ScopesField,
} from '../../client-registration/dto/client-fields';
import { ClientResponseDto } from '../../client-registration/dto/client-response.dto';
import type { Client } from '../../clients/client.entity';
import { awaitsPasswordGrantApproval } from '../../clients/password-grant-approval';
import { PaginationQueryDto } from '../../common/pagination/pagination.dto';
import type { User } from '../../users/user.entity';

export class AdminClientQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({
    description: 'Only the apps of this user id',
    example: '3f0e9c1a-8d6b-4f7e-9a51-2c4d8e6f1b23',
  })
  @IsOptional()
  @IsString()
  @IsUUID()
  owner?: string;

  @ApiPropertyOptional({
    description: "`true`: only the apps whose password grant awaits an admin's approval (first_party)",
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  awaiting_approval?: 'true' | 'false';
}

/** null clears a per-client lifetime (the server default applies again). */
const nullable = ValidateIf((_object, value) => value !== null);

export class UpdateClientByAdminDto {
  @ClientNameField(false)
  name?: string;

  @GrantTypesField('Allowed grant types; client_credentials only for confidential clients')
  grant_types?: string[];

  @ScopesField('Allowed scopes; admins may grant admin-only scopes')
  scopes?: string[];

  @RedirectUrisField(REDIRECT_URIS_DESCRIPTION, ['http://127.0.0.1/callback', 'https://app.example.com/callback'])
  redirect_uris?: string[];

  @RedirectUrisField(POST_LOGOUT_REDIRECT_URIS_DESCRIPTION, ['https://app.example.com/'])
  post_logout_redirect_uris?: string[];

  @ApiPropertyOptional({
    description: 'A disabled client cannot authenticate; its refresh tokens are revoked',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({
    description: 'Admin-approved app: the password grant works for every user and consent is skipped',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  first_party?: boolean;

  @ApiPropertyOptional({ description: 'May introspect tokens issued to other clients (RFC 7662)', example: false })
  @IsOptional()
  @IsBoolean()
  can_introspect?: boolean;

  @ApiPropertyOptional({
    description: 'Access-token lifetime in seconds; null: the server default',
    example: 900,
    nullable: true,
    type: Number,
    minimum: 60,
    maximum: 86_400,
  })
  @IsOptional()
  @nullable
  @IsInt()
  @Min(60)
  @Max(86_400)
  access_token_ttl?: number | null;

  @ApiPropertyOptional({
    description: 'Refresh-token lifetime in seconds; null: the server default',
    example: 604_800,
    nullable: true,
    type: Number,
    minimum: 60,
    maximum: 31_536_000,
  })
  @IsOptional()
  @nullable
  @IsInt()
  @Min(60)
  @Max(31_536_000)
  refresh_token_ttl?: number | null;
}

export class ClientOwnerResponseDto {
  @ApiProperty({ example: '3f0e9c1a-8d6b-4f7e-9a51-2c4d8e6f1b23' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;
}

/** A client as the admin portal shows it: with its owner and settings, never a secret or its hash. */
export class AdminClientResponseDto extends ClientResponseDto {
  @ApiProperty({
    type: ClientOwnerResponseDto,
    nullable: true,
    description: 'null for the server’s own clients (the portal)',
  })
  owner!: ClientOwnerResponseDto | null;

  @ApiProperty({ example: false })
  disabled!: boolean;

  @ApiProperty({ example: false })
  can_introspect!: boolean;

  @ApiProperty({ example: false, description: 'Admin-approved (the portal client is)' })
  first_party!: boolean;

  @ApiProperty({
    example: true,
    description:
      'A portal-registered app holding the password grant, not yet first_party: the grant signs in its owner only (PASSWORD_GRANT_APPROVAL)',
  })
  awaiting_approval!: boolean;

  @ApiProperty({ example: null, nullable: true, type: Number })
  access_token_ttl!: number | null;

  @ApiProperty({ example: null, nullable: true, type: Number })
  refresh_token_ttl!: number | null;

  static withOwner(client: Client, owner: Pick<User, 'id' | 'email'> | null): AdminClientResponseDto {
    return {
      ...ClientResponseDto.from(client),
      owner: owner ? { id: owner.id, email: owner.email } : null,
      disabled: client.disabled,
      can_introspect: client.canIntrospect,
      first_party: client.firstParty,
      awaiting_approval: awaitsPasswordGrantApproval(client),
      access_token_ttl: client.accessTokenTtlSeconds,
      refresh_token_ttl: client.refreshTokenTtlSeconds,
    };
  }
}
