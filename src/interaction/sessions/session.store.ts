import type { Session } from './session.entity';

/**
 * Where sessions live: the database, or Redis when REDIS_URL is set. Either way every instance reads
 * the same sessions, so a browser signed in through one instance is signed in on all.
 */
export abstract class SessionStore {
  abstract insert(session: Session): Promise<void>;
  abstract findByIdHash(idHash: string): Promise<Session | null>;
  /** Records activity; `idleEnd` is when the session ends unless used again (for stores that expire keys). */
  abstract touch(idHash: string, lastActiveAt: Date, idleEnd: Date): Promise<void>;
  abstract delete(idHash: string): Promise<void>;
  abstract deleteAllOfUser(userId: string): Promise<void>;
}
