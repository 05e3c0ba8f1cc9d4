import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An external ID token or assertion already exchanged once; kept until it would have expired anyway. */
@Entity('spent_external_credentials')
export class SpentExternalCredential {
  /** SHA-256 hex of the issuer and `jti`, or of the whole token when it has no `jti`. */
  @PrimaryColumn({ name: 'credential_key', type: 'varchar', length: 64 })
  credentialKey!: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
