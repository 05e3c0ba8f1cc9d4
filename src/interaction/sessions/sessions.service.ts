import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { generateSecret, sha256Hex } from '../../common/crypto/secrets';
import { AppConfig } from '../../config/app-config';
import { Session } from './session.entity';
import { SessionStore } from './session.store';

/** Activity is written at most this often (a sliding window needs no write per request). */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Single sign-on: a cookie (HttpOnly, SameSite=Lax so it comes along on the client's redirect to
 * /oauth/authorize, Secure behind https) holding a 256-bit random value; the store holds only its
 * SHA-256, so every instance reads the same sessions and a leaked table signs nobody in. A session
 * ends after SESSION_IDLE_TTL without use, and SESSION_ABSOLUTE_TTL after the sign-in whatever the use.
 */
@Injectable()
export class SessionsService {
  private readonly secure: boolean;
  private readonly cookieName: string;
  private readonly idleMs: number;
  private readonly absoluteMs: number;

  constructor(
    config: AppConfig,
    private readonly sessions: SessionStore,
  ) {
    this.secure = config.issuer.startsWith('https:');
    // The __Host- prefix pins the cookie to this host and path, over TLS only (RFC 6265bis §4.1.3.2).
    this.cookieName = this.secure ? '__Host-session' : 'session';
    this.idleMs = config.session.idleSeconds * 1000;
    this.absoluteMs = config.session.absoluteSeconds * 1000;
  }

  /** A new session for a fresh sign-in; any earlier session of this browser ends (no fixation). */
  async start(request: FastifyRequest, reply: FastifyReply, userId: string, amr: readonly string[]): Promise<Session> {
    await this.end(request, reply);
    const value = generateSecret();
    const now = new Date();
    const session = Object.assign(new Session(), {
      idHash: sha256Hex(value),
      sid: randomUUID(),
      userId,
      authTime: now,
      amr: [...amr],
      lastActiveAt: now,
      expiresAt: new Date(now.getTime() + this.absoluteMs),
      createdAt: now,
    });
    await this.sessions.insert(session);
    reply.setCookie(this.cookieName, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      maxAge: this.absoluteMs / 1000,
    });
    return session;
  }

  /** The browser's live session, or null (none, unknown, idle too long, or past its absolute end). */
  async current(request: FastifyRequest): Promise<Session | null> {
    const value = request.cookies[this.cookieName];
    if (!value) return null;
    const session = await this.sessions.findByIdHash(sha256Hex(value));
    if (!session) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now || session.lastActiveAt.getTime() + this.idleMs <= now) {
      await this.sessions.delete(session.idHash);
      return null;
    }
    if (now - session.lastActiveAt.getTime() >= TOUCH_INTERVAL_MS) {
      const idleEnd = new Date(Math.min(session.expiresAt.getTime(), now + this.idleMs));
      await this.sessions.touch(session.idHash, new Date(now), idleEnd);
    }
    return session;
  }

  /** Signs this browser out. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const value = request.cookies[this.cookieName];
    if (value) await this.sessions.delete(sha256Hex(value));
    reply.clearCookie(this.cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secure });
  }

  /** Ends every session of a user (password reset or change, account recovery). */
  endAllForUser(userId: string): Promise<void> {
    return this.sessions.deleteAllOfUser(userId);
  }
}
