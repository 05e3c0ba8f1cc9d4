import { isEmail } from 'class-validator';
import { generateSecret } from '../common/crypto/secrets';
import { passwordPolicyViolation } from '../users/password-policy';
import type { CliCommand } from './cli-command';

// The CLI is also how an operator makes the first admin on a private host: allow addresses without a TLD.
const validEmail = (email: string | undefined): boolean => !!email && isEmail(email, { require_tld: false });

export const usersCreate: CliCommand = {
  name: 'users:create',
  summary: 'Create a user; the password is generated and printed once unless --password is given',
  usage: '<email> [--admin] [--name <name>] [--password <password>]',
  positionals: 1,
  options: {
    admin: { type: 'boolean', default: false },
    name: { type: 'string' },
    password: { type: 'string' },
  },
  validate(values, [email]) {
    if (!validEmail(email)) return `"${email ?? ''}" is not an email address`;
    if (typeof values.password === 'string') return passwordPolicyViolation(values.password, email);
    return undefined;
  },
  async run(app, values, [email], out) {
    const { UsersService } = await import('../users/users.service');
    const password = typeof values.password === 'string' ? values.password : generateSecret();
    const user = await app.get(UsersService, { strict: false }).create({
      email,
      password,
      name: typeof values.name === 'string' ? values.name : null,
      isAdmin: values.admin === true,
    });
    out.line(`Created ${user.isAdmin ? 'admin' : 'user'} ${user.email} (id ${user.id})`);
    if (values.password === undefined) out.line(`password: ${password}   (shown once; store it now)`);
  },
};

export const usersSetPassword: CliCommand = {
  name: 'users:set-password',
  summary: 'Set a user’s password (generated and printed once unless --password is given); ends their sessions',
  usage: '<email> [--password <password>]',
  positionals: 1,
  options: { password: { type: 'string' } },
  validate(values, [email]) {
    if (!validEmail(email)) return `"${email ?? ''}" is not an email address`;
    if (typeof values.password === 'string') return passwordPolicyViolation(values.password, email);
    return undefined;
  },
  async run(app, values, [email], out) {
    const [{ UsersService }, { NotFoundError }] = await Promise.all([
      import('../users/users.service'),
      import('../common/errors/domain.error'),
    ]);
    const users = app.get(UsersService, { strict: false });
    const user = await users.findByEmail(email);
    if (!user) throw new NotFoundError(`User ${email}`);
    const password = typeof values.password === 'string' ? values.password : generateSecret();
    await users.setPassword(user.id, password);
    out.line(`Password of ${user.email} changed; their refresh tokens are revoked`);
    if (values.password === undefined) out.line(`password: ${password}   (shown once; store it now)`);
  },
};
