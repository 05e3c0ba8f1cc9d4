import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `clients.first_party`: an admin-approved app (password grant for every user, no consent screen).
 * The bootstrap portal client is marked first-party at start (src/bootstrap/bootstrap.service.ts),
 * because its client_id is configuration, not data this migration can know.
 */
export class ClientsFirstParty1764100000000 implements MigrationInterface {
  name = 'ClientsFirstParty1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'clients',
      new TableColumn({ name: 'first_party', type: 'boolean', default: false, isNullable: false }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('clients', 'first_party');
  }
}
