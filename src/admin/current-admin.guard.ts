import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BearerTokenError } from '../common/errors/bearer-token.error';
import { UsersService } from '../users/users.service';

/**
 * The `admin` scope proves the user was an admin when the token was issued; this also checks they
 * still are (and are not disabled), so demoting an admin takes effect before their token expires.
 */
@Injectable()
export class CurrentAdminGuard implements CanActivate {
  constructor(private readonly users: UsersService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { principal } = context.switchToHttp().getRequest<FastifyRequest>();
    const user = principal?.userId ? await this.users.findById(principal.userId) : null;
    if (!user?.isAdmin || user.disabled) {
      throw new BearerTokenError('insufficient_scope', 'This route is for admins', ['admin']);
    }
    return true;
  }
}
