import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { OrganizationResponseDto } from '../../organizations/dto/organization-response.dto';
import type { Organization } from '../../organizations/organization.entity';
import type { OrganizationCounts } from '../../organizations/organizations.repository';

export class AdminOrganizationQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the key or the name', example: 'acme' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** An organization as the admin console shows it: with how many members and apps it has. */
export class AdminOrganizationResponseDto extends OrganizationResponseDto {
  @ApiProperty({ example: 3 })
  member_count!: number;

  @ApiProperty({ example: 1, description: 'Apps that belong to the organization' })
  client_count!: number;

  static withCounts(organization: Organization, counts: OrganizationCounts): AdminOrganizationResponseDto {
    return {
      ...OrganizationResponseDto.from(organization),
      member_count: counts.members,
      client_count: counts.clients,
    };
  }
}
