import { Repository } from 'typeorm';
import { Session } from './session.entity';
import { SessionStore } from './session.store';

/** Sessions in the database: the only code that queries the sessions table. */
export class DatabaseSessionStore extends SessionStore {
  constructor(private readonly sessions: Repository<Session>) {
    super();
  }

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
