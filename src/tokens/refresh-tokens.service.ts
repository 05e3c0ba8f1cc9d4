import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from '../clients/client.entity';
import { generateSecret, sha256Hex } from '../common/crypto/secrets';
import { AppConfig } from '../config/app-config';
import { RefreshToken } from '../refresh-tokens/refresh-token.entity';
import { type RefreshTokenHolder, RefreshTokensRepository } from '../refresh-tokens/refresh-tokens.repository';

/** The sign-in a refresh-token family starts from; every rotation keeps it (OpenID Connect Core §12.2). */
export interface SignInFacts {
  authTime: Date;
  /** RFC 8176 authentication method references, e.g. `['pwd']`. */
  amr: readonly string[];
  sid?: string;
  /** The organization the user signed in for; removing the member or the organization ends the family. */
  organizationId?: string;
}

/** A presented refresh token and its user as they stand now, from one read. */
export interface PresentedRefreshToken {
  token: RefreshToken;
  holder: RefreshTokenHolder;
}

interface FamilyLink {
  familyId: string;
  parentId: string | null;
  userId: string;
  scopes: readonly string[];
  signIn: SignInFacts;
}

/**
 * Opaque refresh tokens: 256-bit random values stored only as SHA-256 hashes, rotated on every use
 * (RFC 9700 §4.14.2) within a family that reuse revokes as a whole.
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    private readonly config: AppConfig,
    private readonly tokens: RefreshTokensRepository,
  ) {}

  /** The first token of a new family (a new sign-in). Returns the token itself, shown once. */
  async startFamily(client: Client, userId: string, scopes: readonly string[], signIn: SignInFacts): Promise<string> {
    const { token, row } = this.newToken(client, { familyId: randomUUID(), parentId: null, userId, scopes, signIn });
    await this.tokens.insert(row);
    return token;
  }

  /** The sign-in a token's family started from. A row older than the columns falls back to its own creation. */
  signInOf(token: RefreshToken): SignInFacts {
    return {
      authTime: token.authTime ?? token.createdAt,
      amr: token.amr.length > 0 ? token.amr : ['pwd'],
      ...(token.sid ? { sid: token.sid } : {}),
      ...(token.organizationId ? { organizationId: token.organizationId } : {}),
    };
  }

  findByToken(token: string): Promise<RefreshToken | null> {
    return this.tokens.findByHash(sha256Hex(token));
  }

  /** The token presented to the refresh grant and its holder, in one query. */
  findPresented(token: string): Promise<PresentedRefreshToken | null> {
    return this.tokens.findWithHolder(sha256Hex(token));
  }

  /**
   * Spends `current` and makes its successor. Of any number of concurrent presentations, on any number
   * of instances, exactly one gets the new token; the others get undefined (a reuse).
   */
  async rotate(current: RefreshToken, client: Client, scopes: readonly string[]): Promise<string | undefined> {
    const { token, row } = this.newToken(client, {
      familyId: current.familyId,
      parentId: current.id,
      userId: current.userId,
      scopes,
      signIn: this.signInOf(current),
    });
    return (await this.tokens.spendAndInsert(current.id, row)) ? token : undefined;
  }

  /** Revokes every live token of a family (RFC 9700 §4.14.2: reuse ends the whole chain). */
  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.revoke({ familyId });
  }

  private newToken(client: Client, link: FamilyLink): { token: string; row: RefreshToken } {
    const token = generateSecret();
    const row = new RefreshToken();
    row.tokenHash = sha256Hex(token);
    row.familyId = link.familyId;
    row.parentId = link.parentId;
    row.userId = link.userId;
    row.clientId = client.id;
    row.scope = [...link.scopes];
    row.authTime = link.signIn.authTime;
    row.amr = [...link.signIn.amr];
    row.sid = link.signIn.sid ?? null;
    row.organizationId = link.signIn.organizationId ?? null;
    row.expiresAt = new Date(Date.now() + (client.refreshTokenTtlSeconds ?? this.config.refreshTokenTtlSeconds) * 1000);
    return { token, row };
  }
}
