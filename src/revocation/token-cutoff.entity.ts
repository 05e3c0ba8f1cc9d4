import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Access tokens of `subject` issued before `notBefore` are refused: set when a user is disabled,
 * demoted or changes their password, when a member leaves an organization, or when a client is
 * disabled. Kept until the longest access token it can concern has expired.
 */
@Entity('token_cutoffs')
export class TokenCutoff {
  /** `user:<id>`, `user:<id>:org:<id>` or `client:<client_id>` (see cutoff-subject.ts). */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  subject!: string;

  @Index()
  @Column({ name: 'not_before', type: 'datetime', precision: 3 })
  notBefore!: Date;
}
