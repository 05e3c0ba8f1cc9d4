import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `authorization_codes.organization_id`: the organization a browser sign-in was for, so that the code's
 * tokens carry its claims. No foreign key: a code lives a minute, and its grant checks the membership
 * again (a deleted organization or a removed member gets invalid_grant).
 */
export class AuthorizationCodesOrganization1764891000000 implements MigrationInterface {
  name = 'AuthorizationCodesOrganization1764891000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'authorization_codes',
      new TableColumn({ name: 'organization_id', type: 'varchar', length: '36', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('authorization_codes', 'organization_id');
  }
}
