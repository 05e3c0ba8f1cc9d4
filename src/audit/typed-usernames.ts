import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, scryptSync } from 'node:crypto';
import { AppConfig } from '../config/app-config';

// A fixed, public salt: it only separates this key from others derived from the same secret.
const SALT = 'oauth2-server audit typed-username hash';

// A host name with at least one dot: what the domain of an address looks like.
const HOST_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/**
 * How the audit log names a username that belongs to nobody. People type passwords into username
 * fields, so the typed text is never stored: a keyed hash (HMAC-SHA-256, RFC 2104) lets admins
 * correlate attempts on the same name, and a masked form (`a***@example.com`) tells them roughly whom.
 * The key comes from KEY_ENCRYPTION_SECRET; without one, from a random value per process, so hashes
 * then correlate only within one run of one instance.
 */
@Injectable()
export class TypedUsernames {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = config.keyEncryptionSecret ? scryptSync(config.keyEncryptionSecret, SALT, 32) : randomBytes(32);
  }

  /** The keyed hash of a canonical email, as the audit log's subject. */
  hash(canonical: string): string {
    return `hmac:${createHmac('sha256', this.key).update(canonical, 'utf8').digest('hex')}`;
  }

  /**
   * The first character of the local part and the whole domain; anything that does not look like an
   * address (a password, most likely) shows as `***` alone.
   */
  mask(canonical: string): string {
    const at = canonical.lastIndexOf('@');
    const domain = canonical.slice(at + 1);
    if (at < 1 || !HOST_NAME.test(domain)) return '***';
    return `${Array.from(canonical)[0]}***@${domain}`;
  }
}
