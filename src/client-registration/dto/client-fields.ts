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
import { SUPPORTED_GRANT_TYPES } from '../client-rules';

/** `grant_types` as the portals accept it: a non-empty list of supported grant types. */
export function GrantTypesField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description,
      type: [String],
      enum: SUPPORTED_GRANT_TYPES,
      example: ['password', 'refresh_token'],
    }),
    IsOptional(),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(SUPPORTED_GRANT_TYPES.length),
    ArrayUnique(),
    IsIn(SUPPORTED_GRANT_TYPES, { each: true }),
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
