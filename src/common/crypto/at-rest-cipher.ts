import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const FORMAT = 'aes-256-gcm:v1';
// A fixed, public salt: the secret is the only input that must stay private; scrypt slows guessing it.
// Its wording predates other uses and stays: changing it would make stored signing keys unreadable.
const SALT = 'oauth2-server signing-key encryption';

/**
 * Encrypts secrets at rest (AES-256-GCM, a random IV each time) with a key derived once from
 * KEY_ENCRYPTION_SECRET: signing private keys, identity providers' app secrets.
 */
export class AtRestCipher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = scryptSync(secret, SALT, 32);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(
      ':',
    );
  }

  decrypt(stored: string): string {
    const parts = stored.split(':');
    const [iv, tag, ciphertext] = parts.slice(-3).map((part) => Buffer.from(part, 'base64'));
    if (parts.length !== 5 || parts.slice(0, 2).join(':') !== FORMAT || !iv || !tag || !ciphertext) {
      throw new Error('Unrecognised encrypted value format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }
}
