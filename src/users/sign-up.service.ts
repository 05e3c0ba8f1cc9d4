import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain.error';
import type { SignUpDto } from './dto/sign-up.dto';
import type { User } from './user.entity';
import { UsersService } from './users.service';

/** Self-service sign-up (POST /users), which an operator can turn off with SIGNUP_ENABLED=false. */
@Injectable()
export class SignUpService {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  signUp(body: SignUpDto, ip: string): Promise<User> {
    // 403 rather than 404: the route exists, the operator closed it; clients can say so to the person.
    if (!this.config.signupEnabled) throw new DomainError('forbidden', 'Sign-up is disabled on this server');
    return this.users.create({ email: body.email, password: body.password, name: body.name }, undefined, ip);
  }
}
