import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  IDENTITY_PROVIDER_TYPES,
  type IdentityProvider,
  type IdentityProviderType,
} from '../../identities/identity-provider.entity';
import type { IdentityProviderChanges, NewIdentityProvider } from '../../identities/identity-providers.service';

/** null returns jwks_uri to what the issuer's discovery document names. */
const nullable = ValidateIf((_object, value) => value !== null);

export class UpdateIdentityProviderDto {
  @ApiPropertyOptional({
    description: 'oidc: the exact `iss` of its tokens (https://, or http:// when this server runs on http://)',
    example: 'https://accounts.google.com',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  issuer?: string;

  @ApiPropertyOptional({
    description: 'oidc: where its signing keys are; omitted or null: the jwks_uri of its discovery document',
    example: 'https://www.googleapis.com/oauth2/v3/certs',
    nullable: true,
    type: String,
    maxLength: 500,
  })
  @IsOptional()
  @nullable
  @IsString()
  @MaxLength(500)
  jwks_uri?: string | null;

  @ApiPropertyOptional({
    description: 'Accepted `aud` values: our app’s client ids at the provider (required for oidc)',
    example: ['123456789012-abc.apps.googleusercontent.com'],
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^\S{1,255}$/, { each: true, message: 'each audience must be 1 to 255 characters without spaces' })
  audiences?: string[];

  @ApiPropertyOptional({
    description: 'An unknown identity with a verified email that no account uses may create a user',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  create_users?: boolean;

  @ApiPropertyOptional({ description: 'facebook: the app id whose tokens are accepted', example: '1234567890' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, {
    message: 'app_id must be 1 to 100 letters, digits, dots, dashes or underscores',
  })
  app_id?: string;

  @ApiPropertyOptional({
    description: 'facebook: the app secret; write-only, stored encrypted, never returned',
    writeOnly: true,
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  app_secret?: string;

  @ApiPropertyOptional({ description: 'facebook: the Graph API base URL', example: 'https://graph.facebook.com' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  graph_api_url?: string;

  static toChanges(body: UpdateIdentityProviderDto): IdentityProviderChanges {
    return {
      issuer: body.issuer,
      jwksUri: body.jwks_uri,
      audiences: body.audiences,
      createUsers: body.create_users,
      appId: body.app_id,
      appSecret: body.app_secret,
      graphApiUrl: body.graph_api_url,
    };
  }
}

export class CreateIdentityProviderDto extends UpdateIdentityProviderDto {
  @ApiProperty({
    description: 'Its name here: `subject_issuer` for opaque tokens; 2 to 40 of [a-z0-9-]',
    example: 'google',
  })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'alias must be 2 to 40 of a-z, 0-9 and -, not starting with -' })
  alias!: string;

  @ApiProperty({ enum: IDENTITY_PROVIDER_TYPES, example: 'oidc' })
  @IsIn(IDENTITY_PROVIDER_TYPES)
  type!: IdentityProviderType;

  static toNew(body: CreateIdentityProviderDto): NewIdentityProvider {
    return { alias: body.alias, type: body.type, ...UpdateIdentityProviderDto.toChanges(body) };
  }
}

export class IdentityProviderResponseDto {
  @ApiProperty({ example: 'google' })
  alias!: string;

  @ApiProperty({ enum: IDENTITY_PROVIDER_TYPES, example: 'oidc' })
  type!: IdentityProviderType;

  @ApiProperty({ nullable: true, type: String, example: 'https://accounts.google.com' })
  issuer!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'null: from the discovery document' })
  jwks_uri!: string | null;

  @ApiProperty({ type: [String], example: ['123456789012-abc.apps.googleusercontent.com'] })
  audiences!: string[];

  @ApiProperty({ example: false })
  create_users!: boolean;

  @ApiProperty({ nullable: true, type: String, example: null })
  app_id!: string | null;

  @ApiProperty({ description: 'Whether an app secret is stored (it is never returned)', example: false })
  has_app_secret!: boolean;

  @ApiProperty({ nullable: true, type: String, example: null })
  graph_api_url!: string | null;

  @ApiProperty({ example: '2026-12-02T12:00:00.000Z' })
  created_at!: string;

  @ApiProperty({ example: '2026-12-02T12:00:00.000Z' })
  updated_at!: string;

  static from(provider: IdentityProvider): IdentityProviderResponseDto {
    return {
      alias: provider.alias,
      type: provider.type,
      issuer: provider.issuer,
      jwks_uri: provider.jwksUri,
      audiences: provider.audiences,
      create_users: provider.createUsers,
      app_id: provider.appId,
      has_app_secret: provider.appSecretEncrypted !== null,
      graph_api_url: provider.graphApiUrl,
      created_at: provider.createdAt.toISOString(),
      updated_at: provider.updatedAt.toISOString(),
    };
  }
}
