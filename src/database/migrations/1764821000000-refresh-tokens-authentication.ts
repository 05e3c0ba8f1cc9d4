import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * What a refresh token remembers of the sign-in that started its family, so a refresh can re-issue an
 * ID token with the original `auth_time` (OpenID Connect Core §12.2), `amr` and `sid`.
 * Every token issued before this migration came from the password grant: `amr` is `pwd` and the sign-in
 * happened when the family's first token was made.
 */
export class RefreshTokensAuthentication1764821000000 implements MigrationInterface {
  name = 'RefreshTokensAuthentication1764821000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('refresh_tokens', [
      new TableColumn({ name: 'auth_time', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'amr', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'sid', type: 'varchar', length: '64', isNullable: true }),
    ]);
    const families = (await queryRunner.query(
      'SELECT family_id, MIN(created_at) AS signed_in_at FROM refresh_tokens GROUP BY family_id',
    )) as { family_id: string; signed_in_at: Date | string }[];
    for (const family of families) {
      await queryRunner.query("UPDATE refresh_tokens SET auth_time = ?, amr = 'pwd' WHERE family_id = ?", [
        family.signed_in_at,
        family.family_id,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('refresh_tokens', ['auth_time', 'amr', 'sid']);
  }
}
