import { Injectable } from '@nestjs/common';
import { PasswordCheckService } from '../../brute-force/password-check.service';
import type { Client } from '../../clients/client.entity';
import { OAuthError } from '../../common/errors/oauth.error';
import { type OrganizationDecision, OrganizationSignInService } from '../../organizations/organization-sign-in.service';
import { ScopesService } from '../../scopes/scopes.service';
import { RefreshTokensService } from '../refresh-tokens.service';
import { TokenIssuer } from '../token-issuer.service';
import type { TokenResponse } from '../token-response';
import type { Grant, TokenRequest } from './grant.interface';
import { PasswordGrantApproval } from './password-grant-approval.service';

/** One description for an unknown user, a wrong password and a disabled user: none is revealed. */
export const INVALID_CREDENTIALS = 'The username or password is incorrect';

/** RFC 6749 §4.3: the resource owner's email and password for tokens. */
@Injectable()
export class PasswordGrant implements Grant {
  static readonly grantType = 'password';
  readonly type = PasswordGrant.grantType;

  constructor(
    private readonly passwords: PasswordCheckService,
    private readonly scopes: ScopesService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly issuer: TokenIssuer,
    private readonly organizations: OrganizationSignInService,
    private readonly approval: PasswordGrantApproval,
  ) {}

  async handle({ parameters, ip }: TokenRequest, client: Client): Promise<TokenResponse> {
    const username = parameters.required('username');
    const password = parameters.required('password');
    const requested = this.scopes.parseScopeParameter(parameters.optional('scope'));
    const name = this.organizations.resolve(username, parameters.optional('organization'));

    // PASSWORD_GRANT_APPROVAL is screened before anything is counted. Lockouts count per email,
    // whichever organization the username names. Not a member, or no such organization: the
    // wrong-password answer, at the same cost (one query either way).
    let organization = { allowed: false } as OrganizationDecision;
    const user = await this.passwords.verify(
      { email: name.email, password, clientId: client.clientId, ip, via: { grant: this.type } },
      {
        screen: (candidate) => this.approval.check(client, candidate),
        condition: async (candidate) => {
          organization = await this.organizations.decide(name, candidate?.id, client);
          return organization.allowed ? null : 'organization';
        },
      },
    );
    if (!user || !organization.allowed) throw new OAuthError('invalid_grant', INVALID_CREDENTIALS);

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
