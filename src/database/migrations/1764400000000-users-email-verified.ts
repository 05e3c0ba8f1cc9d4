import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `users.email_verified`: set once the user follows a verification link sent to the address. Existing
 * users start unverified, admins included: nobody has proven they receive mail at their address yet, and
 * the OpenID Connect `email_verified` claim must not say otherwise.
 */
export class UsersEmailVerified1764400000000 implements MigrationInterface {
  name = 'UsersEmailVerified1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn({ name: 'email_verified', type: 'boolean', default: 0 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'email_verified');
  }
}
