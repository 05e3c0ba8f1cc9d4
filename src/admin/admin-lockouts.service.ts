import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { BruteForceService } from '../brute-force/brute-force.service';
import { UsersService } from '../users/users.service';
import { LockStateResponseDto } from './dto/lock-state-response.dto';

/** The admin's view of account locks: read one user's state, lift a lock. */
@Injectable()
export class AdminLockoutsService {
  constructor(
    private readonly users: UsersService,
    private readonly bruteForce: BruteForceService,
    private readonly audit: AuditService,
  ) {}

  async lockState(userId: string): Promise<LockStateResponseDto> {
    const user = await this.users.getById(userId);
    return LockStateResponseDto.from(
      user.id,
      await this.bruteForce.lockState(await this.bruteForce.account(user.email)),
    );
  }

  /** Lifts every lock of the user: for every address, and for each address. */
  async unlock(userId: string, adminId: string, ip: string): Promise<LockStateResponseDto> {
    const user = await this.users.getById(userId);
    const account = await this.bruteForce.account(user.email);
    await this.bruteForce.unlock(account);
    await this.audit.record({ type: 'admin.user_unlocked', actorUserId: adminId, subject: user.id, ip });
    return LockStateResponseDto.from(user.id, await this.bruteForce.lockState(account));
  }
}
