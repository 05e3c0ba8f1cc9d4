import { User } from '../users/user.entity';
import { userClaimsForScopes } from './user-claims';

describe('userClaimsForScopes (OpenID Connect Core §5.4)', () => {
  const user = Object.assign(new User(), {
    email: 'ada@example.com',
    emailVerified: true,
    name: 'Ada',
    updatedAt: new Date('2026-01-02T03:04:05.678Z'),
  });

  it('openid alone releases no user claim', () => {
    expect(userClaimsForScopes(user, ['openid'])).toEqual({});
  });

  it('profile releases name and updated_at in seconds', () => {
    expect(userClaimsForScopes(user, ['openid', 'profile'])).toEqual({ name: 'Ada', updated_at: 1767323045 });
  });

  it('email releases the address and whether it was verified', () => {
    expect(userClaimsForScopes(user, ['email'])).toEqual({ email: 'ada@example.com', email_verified: true });
  });
});
