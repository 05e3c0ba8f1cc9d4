import { ApiProperty } from '@nestjs/swagger';
import type { LockState } from '../../brute-force/brute-force.service';

/** Whether an account is locked by the brute-force defence, and its current failure streak. */
export class LockStateResponse {
  @ApiProperty({ example: '7f9c1e1a-3b7e-4c43-9a57-2f1c1d0b6a10' })
  user_id!: string;

  @ApiProperty({ example: true })
  locked!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-01-01T12:15:00.000Z' })
  locked_until!: string | null;

  @ApiProperty({ example: 10, description: 'Failed sign-ins in the current streak' })
  failures!: number;

  static of(userId: string, state: LockState): LockStateResponse {
    return {
      user_id: userId,
      locked: state.locked,
      locked_until: state.lockedUntil?.toISOString() ?? null,
      failures: state.failures,
    };
  }
}
