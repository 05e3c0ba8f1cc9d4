import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UsersService } from '../users/users.service';
import { BruteForceService } from './brute-force.service';
import { LockStateResponse } from './dto/lock-state.response';

/** The admin's view of account locks: read one user's state, lift a lock. */
@Injectable()
export class BruteForceAdminService {
  constructor(
    private readonly users: UsersService,
    private readonly bruteForce: BruteForceService,
    private readonly audit: AuditService,
  ) {}

  async lockState(userId: string): Promise<LockStateResponse> {
    const user = await this.users.getById(userId);
    return LockStateResponse.of(user.id, await this.bruteForce.lockState(user.email));
  }

  async unlock(userId: string, adminId: string): Promise<LockStateResponse> {
    const user = await this.users.getById(userId);
    await this.bruteForce.unlock(user.email);
    await this.audit.record({ type: 'admin.user_unlocked', actorUserId: adminId, subject: user.id });
    return LockStateResponse.of(user.id, await this.bruteForce.lockState(user.email));
  }
}
