import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { PasswordCheckService } from '../../brute-force/password-check.service';
import type { Client } from '../../clients/client.entity';
import type { SignInName } from '../../organizations/organization-key';
import { OrganizationSignInService } from '../../organizations/organization-sign-in.service';
import type { User } from '../../users/user.entity';

/**
 * The sign-in form's check of an email and password: the password grant's own check (the same
 * counters, delays, lockouts and failure audit), and the audit of a success. A sign-in for an
 * organization the user is not a member of, or that does not exist, and an org app's sign-in of an
 * outsider answer exactly like a wrong password.
 */
@Injectable()
export class PasswordSignInService {
  constructor(
    private readonly passwords: PasswordCheckService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationSignInService,
  ) {}

  async verify(
    name: SignInName,
    password: string,
    client: Pick<Client, 'clientId' | 'organizationId'>,
    ip: string,
  ): Promise<User | null> {
    const { clientId } = client;
    const via = { via: 'sign-in page', ...(name.organizationKey ? { organization: name.organizationKey } : {}) };
    // One membership query whatever came before, so that every refusal costs the same.
    const user = await this.passwords.verify(
      { email: name.email, password, clientId, ip, via },
      {
        condition: async (candidate) =>
          (await this.organizations.decide(name, candidate?.id, client)).allowed ? null : 'organization',
      },
    );
    if (user) {
      await this.audit.record({
        type: 'user.signin_succeeded',
        actorUserId: user.id,
        subject: user.id,
        clientId,
        ip,
        details: via,
      });
    }
    return user;
  }
}
