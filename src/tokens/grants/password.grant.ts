import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { BruteForceService } from '../../brute-force/brute-force.service';
import type { Client } from '../../clients/client.entity';
import { OAuthError } from '../../common/errors/oauth.error';
import { OrganizationSignInService } from '../../organizations/organization-sign-in.service';
import { ScopesService } from '../../scopes/scopes.service';
import { PasswordHasher } from '../../users/password-hasher';
import { UsersService } from '../../users/users.service';
import { RefreshTokensService } from '../refresh-tokens.service';
import { TokenIssuer } from '../token-issuer.service';
import type { TokenResponse } from '../token-response';
import type { Grant, TokenRequest } from './grant.interface';

/** One description for an unknown user, a wrong password and a disabled user: none is revealed. */
export const INVALID_CREDENTIALS = 'The username or password is incorrect';

/** RFC 6749 §4.3: the resource owner's email and password for tokens. */
@Injectable()
export class PasswordGrant implements Grant {
  readonly type = 'password';

  constructor(
    private readonly users: UsersService,
    private readonly scopes: ScopesService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly issuer: TokenIssuer,
    private readonly audit: AuditService,
    private readonly bruteForce: BruteForceService,
    private readonly hasher: PasswordHasher,
    private readonly organizations: OrganizationSignInService,
  ) {}

  async handle({ parameters, ip }: TokenRequest, client: Client): Promise<TokenResponse> {
    const username = parameters.required('username');
    const password = parameters.required('password');
    const requested = this.scopes.parseScopeParameter(parameters.optional('scope'));
    const name = this.organizations.resolve(username, parameters.optional('organization'));

    // A locked account or address answers exactly like a wrong password, after the same one argon2 verify.
    // Lockouts count per email, whichever organization the username names.
    const { locked } = await this.bruteForce.check(name.email, ip);
    const user = locked
      ? await this.hasher.verifyAgainstDummy(password).then(() => null)
      : await this.users.verifyCredentials(name.email, password);
    // Not a member, or no such organization: the wrong-password answer, at the same cost (one query either way).
    const organization = await this.organizations.decide(name, user?.id, client);
    if (!user || !organization.allowed) {
      if (!locked) await this.bruteForce.recordFailure(name.email, ip);
      const reason = locked ? 'locked' : user ? 'organization' : undefined;
      await this.audit.record({
        type: 'user.signin_failed',
        subject: username.toLowerCase(),
        clientId: client.clientId,
        ip,
        details: { grant: this.type, ...(reason ? { reason } : {}) },
      });
      throw new OAuthError('invalid_grant', INVALID_CREDENTIALS);
    }
    await this.bruteForce.recordSuccess(name.email, ip);

    const scopes = await this.scopes.decideForToken(requested, client, user);
    // RFC 8176 §2: "pwd", the user entered a password just now.
    const signIn = { authTime: new Date(), amr: ['pwd'], org: organization.organization };
    const refreshToken = client.grantTypes.includes('refresh_token')
      ? await this.refreshTokens.startFamily(client, user.id, scopes, {
          ...signIn,
          organizationId: organization.organization?.id,
        })
      : undefined;
    return this.issuer.issue({ grant: this.type, client, userId: user.id, scopes, refreshToken, signIn, ip });
  }
}
