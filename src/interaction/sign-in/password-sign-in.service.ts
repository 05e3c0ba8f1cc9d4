import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { BruteForceService } from '../../brute-force/brute-force.service';
import type { Client } from '../../clients/client.entity';
import type { SignInName } from '../../organizations/organization-key';
import { OrganizationSignInService } from '../../organizations/organization-sign-in.service';
import type { User } from '../../users/user.entity';
import { PasswordHasher } from '../../users/password-hasher';
import { UsersService } from '../../users/users.service';

/**
 * The sign-in form's check of an email and password, under the password grant's brute-force rules:
 * the same counters, delays and lockouts, and a locked account answers exactly like a wrong password
 * after the same one argon2 verify. So does a sign-in for an organization the user is not a member
 * of, or that does not exist, and an org app's sign-in of an outsider.
 */
@Injectable()
export class PasswordSignInService {
  constructor(
    private readonly users: UsersService,
    private readonly bruteForce: BruteForceService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationSignInService,
  ) {}

  async verify(
    name: SignInName,
    password: string,
    client: Pick<Client, 'clientId' | 'organizationId'>,
    ip: string,
  ): Promise<User | null> {
    const { email } = name;
    const { clientId } = client;
    const { locked } = await this.bruteForce.check(email, ip);
    const user = locked
      ? await this.hasher.verifyAgainstDummy(password).then(() => null)
      : await this.users.verifyCredentials(email, password);
    // One membership query whatever came before, so that every refusal costs the same.
    const organization = await this.organizations.decide(name, user?.id, client);
    const via = { via: 'sign-in page', ...(name.organizationKey ? { organization: name.organizationKey } : {}) };
    if (!user || !organization.allowed) {
      if (!locked) await this.bruteForce.recordFailure(email, ip);
      const reason = locked ? 'locked' : user ? 'organization' : undefined;
      await this.audit.record({
        type: 'user.signin_failed',
        subject: email.toLowerCase(),
        clientId,
        ip,
        details: { ...via, ...(reason ? { reason } : {}) },
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
      details: via,
    });
    return user;
  }
}
