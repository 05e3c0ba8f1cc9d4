import { ApiProperty } from '@nestjs/swagger';
import type { User } from '../user.entity';

/** A user as the API shows it: never the password hash. */
export class UserResponseDto {
  @ApiProperty({ example: '3f0e9c1a-8d6b-4f7e-9a51-2c4d8e6f1b23' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace', nullable: true, type: String })
  name!: string | null;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' })
  created_at!: string;

  static from(user: User): UserResponseDto {
    return { id: user.id, email: user.email, name: user.name, created_at: user.createdAt.toISOString() };
  }
}

/** The signed-in user, with what the portal needs to know about them. */
export class CurrentUserResponseDto extends UserResponseDto {
  @ApiProperty({ example: false })
  is_admin!: boolean;

  static override from(user: User): CurrentUserResponseDto {
    return { ...UserResponseDto.from(user), is_admin: user.isAdmin };
  }
}
