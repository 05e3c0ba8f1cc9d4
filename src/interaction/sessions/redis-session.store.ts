import type { Redis } from 'ioredis';
import { Session } from './session.entity';
import { SessionStore } from './session.store';

// Activity is written only while the session exists: a touch racing a logout must not bring it back.
const TOUCH = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'lastActiveAt', ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return 1`;

/**
 * Sessions in Redis: one hash per session, which Redis deletes by itself at the idle or absolute end,
 * and one set per user naming them, so a password change can end them all.
 */
export class RedisSessionStore extends SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly idleMs: number,
  ) {
    super();
  }

  async insert(session: Session): Promise<void> {
    const key = this.sessionKey(session.idHash);
    const userKey = this.userKey(session.userId);
    const end = Math.min(session.expiresAt.getTime(), session.lastActiveAt.getTime() + this.idleMs);
    await this.redis
      .multi()
      .hset(key, {
        sid: session.sid,
        userId: session.userId,
        authTime: session.authTime.getTime(),
        amr: session.amr.join(' '),
        lastActiveAt: session.lastActiveAt.getTime(),
        expiresAt: session.expiresAt.getTime(),
        createdAt: session.createdAt.getTime(),
      })
      .pexpireat(key, end)
      .sadd(userKey, session.idHash)
      // The newest session ends last (one absolute lifetime for all): the set lives as long as it.
      .pexpireat(userKey, session.expiresAt.getTime())
      .exec();
  }

  async findByIdHash(idHash: string): Promise<Session | null> {
    const fields = await this.redis.hgetall(this.sessionKey(idHash));
    if (!fields.sid || !fields.userId) return null;
    return Object.assign(new Session(), {
      idHash,
      sid: fields.sid,
      userId: fields.userId,
      authTime: new Date(Number(fields.authTime)),
      amr: fields.amr ? fields.amr.split(' ') : [],
      lastActiveAt: new Date(Number(fields.lastActiveAt)),
      expiresAt: new Date(Number(fields.expiresAt)),
      createdAt: new Date(Number(fields.createdAt)),
    });
  }

  async touch(idHash: string, lastActiveAt: Date, idleEnd: Date): Promise<void> {
    await this.redis.eval(TOUCH, 1, this.sessionKey(idHash), lastActiveAt.getTime(), idleEnd.getTime());
  }

  async delete(idHash: string): Promise<void> {
    await this.redis.del(this.sessionKey(idHash));
  }

  async deleteAllOfUser(userId: string): Promise<void> {
    const userKey = this.userKey(userId);
    const idHashes = await this.redis.smembers(userKey);
    await this.redis.del(userKey, ...idHashes.map((idHash) => this.sessionKey(idHash)));
  }

  private sessionKey(idHash: string): string {
    return `session:${idHash}`;
  }

  private userKey(userId: string): string {
    return `user-sessions:${userId}`;
  }
}
