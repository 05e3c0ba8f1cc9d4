import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createPrivateKey, createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';
import { ClientsRepository } from '../../clients/clients.repository';
import { AppConfig } from '../../config/app-config';
import { ClusterEvents } from '../../redis/cluster-events';
import { SigningKey } from '../signing-key.entity';
import type { SigningAlgorithm } from '../../common/crypto/signing-algorithms';
import { generateSigningKeyPair, jwkThumbprint, publicJwk } from './key-material';
import { AtRestCipher } from '../../common/crypto/at-rest-cipher';
import { SigningKeysRepository } from './signing-keys.repository';

export interface CurrentSigningKey {
  kid: string;
  alg: SigningAlgorithm;
  privateKey: KeyObject;
}

export interface VerificationKey {
  alg: string;
  publicKey: KeyObject;
}

interface LoadedKey extends VerificationKey {
  kid: string;
  jwk: JsonWebKey;
  expiresAt: Date | null;
}

/** How often an instance re-reads the keys, so a rotation reaches it when Redis does not tell it sooner. */
const RELOAD_INTERVAL_MS = 60_000;
/**
 * An unknown kid triggers a reload, at most one per this interval: a token signed with a key another
 * instance just rotated to waits for it, while a flood of forged kids costs one query per interval.
 */
const UNKNOWN_KID_RELOAD_MS = 1_000;

/**
 * The JWT signing keys, shared by every instance through the database and held in memory as
 * KeyObjects (parsed once, never per token).
 */
@Injectable()
export class SigningKeysService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SigningKeysService.name);
  private readonly cipher?: AtRestCipher;
  private currentKey?: CurrentSigningKey;
  private published = new Map<string, LoadedKey>();
  private lastReload = 0;
  private reloading?: Promise<void>;
  private delayedReload?: Promise<void>;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly keys: SigningKeysRepository,
    private readonly clients: ClientsRepository,
    private readonly events: ClusterEvents,
  ) {
    if (config.keyEncryptionSecret) this.cipher = new AtRestCipher(config.keyEncryptionSecret);
  }

  async onModuleInit(): Promise<void> {
    if (!this.cipher) {
      // Said once per start, where an operator reads it: the database alone is enough to forge tokens.
      this.logger.warn(
        'Signing private keys are stored unencrypted in the database: set KEY_ENCRYPTION_SECRET (32+ characters) to encrypt them',
      );
    }
    // Another instance rotated: sign with its new key now rather than at the next reload.
    this.events.on('signing-keys-changed', () => void this.reloadQuietly());
    this.events.onResync(() => void this.reloadQuietly());
    await this.reload();
    if (!this.currentKey) {
      await this.createFirstKey();
      await this.reload();
    }
    this.timer = setInterval(() => void this.reloadQuietly(), RELOAD_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** The key new tokens are signed with. */
  current(): CurrentSigningKey {
    if (!this.currentKey) throw new Error('No signing key loaded');
    return this.currentKey;
  }

  /** The algorithms of the published keys, the current key's first: what tokens may be signed with now. */
  algorithms(): string[] {
    return [...new Set([this.current().alg, ...[...this.published.values()].map((key) => key.alg)])];
  }

  /** The public key for a token's `kid`, or undefined when it is unknown or past its publication. */
  async verificationKey(kid: string): Promise<VerificationKey | undefined> {
    let key = this.published.get(kid);
    if (!key) {
      await this.reloadForUnknownKid();
      key = this.published.get(kid);
    }
    if (!key || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) return undefined;
    return { alg: key.alg, publicKey: key.publicKey };
  }

  /** RFC 7517: the current key and every retired key whose tokens may still be alive. */
  jwks(): Promise<{ keys: JsonWebKey[] }> {
    const now = Date.now();
    const keys = [...this.published.values()]
      .filter((key) => !key.expiresAt || key.expiresAt.getTime() > now)
      .map((key) => key.jwk);
    return Promise.resolve({ keys });
  }

  /**
   * Makes a new current key. Every other live key is retired and stays published until the longest
   * access token it may have signed has expired (plus the reload interval, during which other instances
   * may still sign with it).
   */
  async rotate(): Promise<{ kid: string }> {
    const fresh = await this.newKeyRow(this.config.jwtAlgorithm);
    const now = new Date();
    const publishedUntil = new Date(
      now.getTime() + (await this.longestAccessTokenTtlSeconds()) * 1000 + RELOAD_INTERVAL_MS,
    );
    await this.keys.rotateTo(fresh, now, publishedUntil);
    await this.reload();
    await this.events.publish({ type: 'signing-keys-changed' });
    return { kid: fresh.kid };
  }

  /**
   * First start. The key is made before the lock is taken (RSA generation takes a while), and inserted
   * only if no live key exists yet: instances starting together end with one key.
   */
  private async createFirstKey(): Promise<void> {
    await this.keys.insertIfNoneLive(await this.newKeyRow(this.config.jwtAlgorithm));
  }

  private async newKeyRow(alg: SigningAlgorithm): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateSigningKeyPair(alg);
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const row = new SigningKey();
    row.kid = jwkThumbprint(publicKey);
    row.alg = alg;
    row.publicKey = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    row.privateKey = this.cipher ? this.cipher.encrypt(pkcs8) : pkcs8;
    row.privateKeyEncrypted = Boolean(this.cipher);
    return row;
  }

  private reload(): Promise<void> {
    this.reloading ??= this.loadFromDatabase().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private reloadForUnknownKid(): Promise<void> {
    const wait = this.lastReload + UNKNOWN_KID_RELOAD_MS - Date.now();
    if (wait <= 0) return this.reload();
    this.delayedReload ??= new Promise<void>((resolve) => setTimeout(resolve, wait))
      .then(() => this.reload())
      .finally(() => {
        this.delayedReload = undefined;
      });
    return this.delayedReload;
  }

  private async reloadQuietly(): Promise<void> {
    try {
      await this.reload();
    } catch (error) {
      this.logger.warn(`Could not reload signing keys: ${(error as Error).message}`);
    }
  }

  private async loadFromDatabase(): Promise<void> {
    const rows = await this.keys.findPublished(new Date());
    const published = new Map<string, LoadedKey>();
    for (const row of rows) {
      const publicKey = createPublicKey(row.publicKey);
      published.set(row.kid, {
        kid: row.kid,
        alg: row.alg,
        publicKey,
        jwk: publicJwk(publicKey, row.kid, row.alg),
        expiresAt: row.expiresAt,
      });
    }
    // The oldest live key that is not retired: the same choice on every instance.
    const current = rows.find((row) => row.retiredAt === null);
    if (current && current.kid !== this.currentKey?.kid) {
      this.currentKey = {
        kid: current.kid,
        alg: current.alg as SigningAlgorithm,
        privateKey: createPrivateKey(this.privateKeyPem(current)),
      };
    }
    this.published = published;
    this.lastReload = Date.now();
  }

  private privateKeyPem(row: SigningKey): string {
    if (!row.privateKeyEncrypted) return row.privateKey;
    if (!this.cipher) {
      throw new Error(`Signing key ${row.kid} is encrypted: set KEY_ENCRYPTION_SECRET to the value it was made with`);
    }
    return this.cipher.decrypt(row.privateKey);
  }

  /** The longest access-token lifetime any client can currently get. */
  private async longestAccessTokenTtlSeconds(): Promise<number> {
    return Math.max(this.config.accessTokenTtlSeconds, (await this.clients.longestAccessTokenTtlSeconds()) ?? 0);
  }
}
