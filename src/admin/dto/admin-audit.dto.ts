import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuditEvent } from '../../audit/audit-event.entity';
import { PaginationQueryDto } from '../../common/pagination/pagination.dto';

export class AuditQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ description: 'Event type', example: 'user.signin_failed' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  type?: string;

  @ApiPropertyOptional({
    description: 'Events by or about this user id',
    example: '3f0e9c1a-8d6b-4f7e-9a51-2c4d8e6f1b23',
  })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  user?: string;

  @ApiPropertyOptional({ description: 'Events involving this public client_id', example: 'q3Jx9c2Vb1TQ0sXk7m4Wng' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  client?: string;

  @ApiPropertyOptional({ description: 'From this time, inclusive (ISO 8601)', example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Before this time, exclusive (ISO 8601)', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEventResponseDto {
  @ApiProperty({ example: '0b6f3c1e-3a0f-4a55-9d7e-6a8c2b1f4e90' })
  id!: string;

  @ApiProperty({ example: 'client.secret_rotated' })
  type!: string;

  @ApiProperty({ example: '3f0e9c1a-8d6b-4f7e-9a51-2c4d8e6f1b23', nullable: true, type: String })
  actor_user_id!: string | null;

  @ApiProperty({ example: 'q3Jx9c2Vb1TQ0sXk7m4Wng', nullable: true, type: String })
  subject!: string | null;

  @ApiProperty({ example: 'q3Jx9c2Vb1TQ0sXk7m4Wng', nullable: true, type: String })
  client_id!: string | null;

  @ApiProperty({ example: '203.0.113.7', nullable: true, type: String })
  ip!: string | null;

  @ApiProperty({ example: { grant_type: 'password' }, nullable: true, type: Object })
  details!: Record<string, unknown> | null;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' })
  created_at!: string;

  static from(event: AuditEvent): AuditEventResponseDto {
    return {
      id: event.id,
      type: event.type,
      actor_user_id: event.actorUserId,
      subject: event.subject,
      client_id: event.clientId,
      ip: event.ip,
      details: event.details,
      created_at: event.createdAt.toISOString(),
    };
  }
}
