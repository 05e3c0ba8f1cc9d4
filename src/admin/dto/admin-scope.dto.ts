import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Scope } from '../../scopes/scope.entity';
import { SCOPE_TOKEN } from '../../scopes/scope-decision';

export class UpdateScopeDto {
  @ApiPropertyOptional({ example: 'Read your invoices', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ description: 'Granted when a client omits `scope` and is allowed this one', example: false })
  @IsOptional()
  @IsBoolean()
  is_default?: boolean;

  @ApiPropertyOptional({ description: 'Only admins may hold it or give it to a client', example: false })
  @IsOptional()
  @IsBoolean()
  admin_only?: boolean;
}

export class CreateScopeDto extends UpdateScopeDto {
  @ApiProperty({
    description: 'An RFC 6749 §3.3 scope-token (no spaces, quotes or backslashes)',
    example: 'invoices.read',
    maxLength: 100,
  })
  @IsString()
  @MaxLength(100)
  @Matches(SCOPE_TOKEN, { message: 'name must be an RFC 6749 scope token (printable ASCII, no space, " or \\)' })
  name!: string;
}

export class ScopeResponseDto {
  @ApiProperty({ example: 'contacts.read' })
  name!: string;

  @ApiProperty({ example: 'Read your contacts' })
  description!: string;

  @ApiProperty({ example: true })
  is_default!: boolean;

  @ApiProperty({ example: false })
  admin_only!: boolean;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' })
  created_at!: string;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' })
  updated_at!: string;

  static from(scope: Scope): ScopeResponseDto {
    return {
      name: scope.name,
      description: scope.description,
      is_default: scope.isDefault,
      admin_only: scope.adminOnly,
      created_at: scope.createdAt.toISOString(),
      updated_at: scope.updatedAt.toISOString(),
    };
  }
}
