import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Session } from './session.entity';

/** The only code that queries sessions. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(Session) private readonly sessions: Repository<Session>) {}

  async insert(session: Session): Promise<void> {
    await this.sessions.insert(session);
  }

  findByIdHash(idHash: string): Promise<Session | null> {
    return this.sessions.findOneBy({ idHash });
  }

  async touch(idHash: string, lastActiveAt: Date): Promise<void> {
    await this.sessions.update({ idHash }, { lastActiveAt });
  }

  async delete(idHash: string): Promise<void> {
    await this.sessions.delete({ idHash });
  }

  async deleteAllOfUser(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }
}
