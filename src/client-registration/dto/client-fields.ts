import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { SCOPE_TOKEN } from '../../scopes/scope-decision';
import { MAX_REDIRECT_URI_LENGTH, MAX_REDIRECT_URIS } from '../../clients/redirect-uri-rules';
import { GRANT_TYPES } from '../../tokens/grants';

/** `grant_types` as the portals accept it: a non-empty list of supported grant types. */
export function GrantTypesField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description,
      type: [String],
      enum: [...GRANT_TYPES],
      example: ['password', 'refresh_token'],
    }),
    IsOptional(),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(GRANT_TYPES.length),
    ArrayUnique(),
    IsIn([...GRANT_TYPES], { each: true }),
  );
}

/** `scopes`: a non-empty list of RFC 6749 §3.3 scope tokens (their existence is checked by the service). */
export function ScopesField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, type: [String], example: ['profile', 'contacts.read'] }),
    IsOptional(),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(50),
    ArrayUnique(),
    IsString({ each: true }),
    MaxLength(100, { each: true }),
    Matches(SCOPE_TOKEN, { each: true, message: 'each value in scopes must be an RFC 6749 scope token' }),
  );
}

/**
 * `redirect_uris` or `post_logout_redirect_uris`: a list of absolute URIs (the service checks their
 * schemes and hosts against the issuer). An empty list clears it.
 */
export function RedirectUrisField(description: string, example: string[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, type: [String], example }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_REDIRECT_URIS),
    ArrayUnique(),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(MAX_REDIRECT_URI_LENGTH, { each: true }),
  );
}

export const REDIRECT_URIS_DESCRIPTION =
  'Where /oauth/authorize may redirect, matched exactly (a loopback IP may change its port, RFC 8252 §7.3): https, http on 127.0.0.1, [::1] or localhost, or a private-use scheme (com.example.app:/callback); no fragment. Needed for the authorization_code grant';
export const POST_LOGOUT_REDIRECT_URIS_DESCRIPTION =
  'Where /oauth/logout may redirect after signing out (RP-Initiated Logout 1.0); the same rules as redirect_uris';

/** A display name: trimmed, 1 to 200 characters. */
export function ClientNameField(required: boolean): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      description: 'A name people recognise',
      example: 'My contacts app',
      minLength: 1,
      maxLength: 200,
      required,
    }),
    ...(required ? [] : [IsOptional()]),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1),
    MaxLength(200),
  );
}
