import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Page } from '../common/pagination/pagination.dto';
import { LIKE_ESCAPE, likePattern } from '../common/validation/like-pattern';
import { User } from './user.entity';

export type UserChanges = Partial<
  Pick<User, 'email' | 'emailVerified' | 'name' | 'passwordHash' | 'isAdmin' | 'disabled'>
>;

/** The users table. Emails arrive here already canonical (UsersService decides what an email is). */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(canonicalEmail: string): Promise<User | null> {
    return this.users.findOneBy({ email: canonicalEmail });
  }

  /** Id and email of each of these users that exists (list views name an owner). */
  findEmails(ids: readonly string[]): Promise<Pick<User, 'id' | 'email'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.users.find({ select: { id: true, email: true }, where: { id: In([...ids]) } });
  }

  /** Newest first; `emailContains` matches a literal, case-insensitive substring (emails are stored lower-case). */
  async list(page: { limit: number; offset: number; emailContains?: string }): Promise<Page<User>> {
    const builder = this.users.createQueryBuilder('user').orderBy('user.created_at', 'DESC').addOrderBy('user.id');
    if (page.emailContains) {
      builder.where(`user.email LIKE :email ESCAPE '${LIKE_ESCAPE}'`, {
        email: `%${likePattern(page.emailContains.toLowerCase())}%`,
      });
    }
    const [items, total] = await builder.take(page.limit).skip(page.offset).getManyAndCount();
    return { items, total };
  }

  anAdminExists(): Promise<boolean> {
    return this.users.existsBy({ isAdmin: true });
  }

  /** Throws the driver's unique violation for a taken email: the index decides, not a prior read. */
  async insert(user: User): Promise<void> {
    await this.users.insert(user);
  }

  async update(id: string, changes: UserChanges): Promise<void> {
    await this.users.update({ id }, changes);
  }

  /** Their clients, refresh tokens and contacts go with them (foreign-key cascade). */
  async delete(id: string): Promise<void> {
    await this.users.delete({ id });
  }
}
