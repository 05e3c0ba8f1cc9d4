import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_ROLES, type OrganizationRole } from '../organization-role';
import type { Organization } from '../organization.entity';
import type { MemberView, Membership } from '../organizations.repository';

export class OrganizationResponseDto {
  @ApiProperty({ example: '6c1f0b7e-2a43-4d8e-9f15-0e7a3b2c9d41' })
  id!: string;

  @ApiProperty({ example: 'acme' })
  key!: string;

  @ApiProperty({ example: 'Acme Corporation' })
  name!: string;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' })
  created_at!: string;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' })
  updated_at!: string;

  static from(organization: Organization): OrganizationResponseDto {
    return {
      id: organization.id,
      key: organization.key,
      name: organization.name,
      created_at: organization.createdAt.toISOString(),
      updated_at: organization.updatedAt.toISOString(),
    };
  }
}

/** An organization as one of its members sees it: with the caller's own role. */
export class MyOrganizationResponseDto extends OrganizationResponseDto {
  @ApiProperty({ enum: ORGANIZATION_ROLES, example: 'owner', description: 'Your role in it' })
  role!: OrganizationRole;

  static fromMembership({ organization, role }: Membership): MyOrganizationResponseDto {
    return { ...OrganizationResponseDto.from(organization), role };
  }
}

export class MemberResponseDto {
  @ApiProperty({ example: '3f0e9c1a-8d6b-4f7e-9a51-2c4d8e6f1b23' })
  user_id!: string;

  @ApiProperty({ example: 'grace@example.com' })
  email!: string;

  @ApiProperty({ example: 'Grace Hopper', nullable: true, type: String })
  name!: string | null;

  @ApiProperty({ enum: ORGANIZATION_ROLES, example: 'member' })
  role!: OrganizationRole;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z', description: 'When they joined' })
  created_at!: string;

  static from(member: MemberView): MemberResponseDto {
    return {
      user_id: member.userId,
      email: member.email,
      name: member.name,
      role: member.role,
      created_at: member.createdAt.toISOString(),
    };
  }
}
