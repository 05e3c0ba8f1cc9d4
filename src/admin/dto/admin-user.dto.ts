import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination/pagination.dto';
import type { User } from '../../users/user.entity';

export class AdminUserQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the email', example: 'example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;
}

export class UpdateUserByAdminDto {
  @ApiPropertyOptional({
    description: 'A disabled user cannot sign in; their refresh tokens are revoked',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  is_admin?: boolean;

  @ApiPropertyOptional({ example: 'Ada Lovelace', maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(200)
  name?: string;
}

/** A user as the admin portal shows it: never the password hash. */
export class AdminUserResponseDto {
  @ApiProperty({ example: '3f0e9c1a-8d6b-4f7e-9a51-2c4d8e6f1b23' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace', nullable: true, type: String })
  name!: string | null;

  @ApiProperty({ example: false })
  is_admin!: boolean;

  @ApiProperty({ example: false })
  disabled!: boolean;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' })
  created_at!: string;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' })
  updated_at!: string;

  static from(user: User): AdminUserResponseDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      is_admin: user.isAdmin,
      disabled: user.disabled,
      created_at: user.createdAt.toISOString(),
      updated_at: user.updatedAt.toISOString(),
    };
  }
}
