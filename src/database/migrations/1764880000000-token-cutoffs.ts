import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * `token_cutoffs`: per user, membership or client, the time before which its access tokens are refused
 * (see src/revocation/). `revoked_access_tokens.revoked_at`: lets instances poll only the revocations
 * made since their last read instead of the whole table.
 */
export class TokenCutoffs1764880000000 implements MigrationInterface {
  name = 'TokenCutoffs1764880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'token_cutoffs',
        columns: [
          { name: 'subject', type: 'varchar', length: '120', isPrimary: true },
          { name: 'not_before', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IDX_token_cutoffs_not_before', columnNames: ['not_before'] }],
      }),
    );
    await queryRunner.addColumn(
      'revoked_access_tokens',
      new TableColumn({ name: 'revoked_at', type: 'datetime', precision: 3, isNullable: true }),
    );
    await queryRunner.createIndex(
      'revoked_access_tokens',
      new TableIndex({ name: 'IDX_revoked_access_tokens_revoked_at', columnNames: ['revoked_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('revoked_access_tokens', 'IDX_revoked_access_tokens_revoked_at');
    await queryRunner.dropColumn('revoked_access_tokens', 'revoked_at');
    await queryRunner.dropTable('token_cutoffs');
  }
}
