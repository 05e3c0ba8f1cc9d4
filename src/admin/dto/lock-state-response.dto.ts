import { ApiProperty } from '@nestjs/swagger';
import type { LockState } from '../../brute-force/brute-force.service';

/** Whether an account is locked by the brute-force defence (for every address, or for some), and its failure count. */
export class LockStateResponseDto {
  @ApiProperty({ example: '7f9c1e1a-3b7e-4c43-9a57-2f1c1d0b6a10' })
  user_id!: string;

  @ApiProperty({ example: true, description: 'Any lock in force: for every address, or for some' })
  locked!: boolean;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-01-01T12:15:00.000Z',
    description: 'When the last lock in force ends',
  })
  locked_until!: string | null;

  @ApiProperty({ example: false, description: 'Locked for every address (failures came from several)' })
  locked_for_every_address!: boolean;

  @ApiProperty({ example: 1, description: 'Addresses this account is locked for (failures from that address)' })
  locked_addresses!: number;

  @ApiProperty({
    example: 10,
    description: 'Failed sign-ins counted toward the lock for every address (each address adds at most its own limit)',
  })
  failures!: number;

  static from(userId: string, state: LockState): LockStateResponseDto {
    return {
      user_id: userId,
      locked: state.locked,
      locked_until: state.lockedUntil?.toISOString() ?? null,
      locked_for_every_address: state.lockedForEveryAddress,
      locked_addresses: state.lockedAddresses,
      failures: state.failures,
    };
  }
}
