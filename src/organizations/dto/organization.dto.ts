import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsEmailAddress } from '../../common/validation/is-email-address.decorator';
import { ORGANIZATION_KEY } from '../organization-key';
import { ORGANIZATION_ROLES, type OrganizationRole } from '../organization-role';

const trimmed = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CreateOrganizationDto {
  @ApiProperty({
    description: 'The permanent identifier: 2 to 40 of a-z, 0-9 and "-". Users sign in as email@key.',
    example: 'acme',
    pattern: ORGANIZATION_KEY.source,
  })
  @IsString()
  @Matches(ORGANIZATION_KEY, { message: 'key must be 2 to 40 of a-z, 0-9 and -' })
  key!: string;

  @ApiProperty({ example: 'Acme Corporation', minLength: 1, maxLength: 200 })
  @trimmed
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ example: 'Acme Corporation', minLength: 1, maxLength: 200 })
  @IsOptional()
  @trimmed
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

const RoleField = (): PropertyDecorator =>
  applyDecorators(ApiProperty({ enum: ORGANIZATION_ROLES, example: 'member' }), IsIn(ORGANIZATION_ROLES));

export class AddMemberDto {
  @ApiProperty({ description: 'The email of an existing user', example: 'grace@example.com', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  @IsEmailAddress()
  email!: string;

  @RoleField()
  role!: OrganizationRole;
}

export class UpdateMemberDto {
  @RoleField()
  role!: OrganizationRole;
}
