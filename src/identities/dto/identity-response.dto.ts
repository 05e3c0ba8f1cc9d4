import { ApiProperty } from '@nestjs/swagger';
import type { ExternalIdentity } from '../external-identity.entity';

export class IdentityResponseDto {
  @ApiProperty({ example: '0b6c1f8e-6d7a-4c8e-9b4e-3f2a1d0c9b8a' })
  id!: string;

  @ApiProperty({ description: 'The identity provider alias', example: 'google' })
  provider!: string;

  @ApiProperty({ description: 'The subject at that provider', example: '110169484474386276334' })
  subject!: string;

  @ApiProperty({ nullable: true, type: String, example: 'ada@example.com' })
  email!: string | null;

  @ApiProperty({ example: '2026-12-02T12:00:00.000Z' })
  created_at!: string;

  static from(identity: ExternalIdentity): IdentityResponseDto {
    return {
      id: identity.id,
      provider: identity.providerAlias,
      subject: identity.subject,
      email: identity.email,
      created_at: identity.createdAt.toISOString(),
    };
  }
}
