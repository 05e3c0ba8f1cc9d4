import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { BruteForceService } from '../../brute-force/brute-force.service';
import type { User } from '../../users/user.entity';
import { PasswordHasher } from '../../users/password-hasher';
import { UsersService } from '../../users/users.service';

/**
 * The sign-in form's check of an email and password, under the password grant's brute-force rules:
 * the same counters, delays and lockouts, and a locked account answers exactly like a wrong password
 * after the same one argon2 verify.
 */
@Injectable()
export class PasswordSignInService {
  constructor(
    private readonly users: UsersService,
    private readonly bruteForce: BruteForceService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async verify(email: string, password: string, clientId: string, ip: string): Promise<User | null> {
    const { locked } = await this.bruteForce.check(email, ip);
    const user = locked
      ? await this.hasher.verifyAgainstDummy(password).then(() => null)
      : await this.users.verifyCredentials(email, password);
    if (!user) {
      if (!locked) await this.bruteForce.recordFailure(email, ip);
      await this.audit.record({
        type: 'user.signin_failed',
        subject: email.toLowerCase(),
        clientId,
        ip,
        details: { via: 'sign-in page', ...(locked ? { reason: 'locked' } : {}) },
      });
      return null;
    }
    await this.bruteForce.recordSuccess(email, ip);
    await this.audit.record({
      type: 'user.signin_succeeded',
      actorUserId: user.id,
      subject: user.id,
      clientId,
      ip,
      details: { via: 'sign-in page' },
    });
    return user;
  }
}
