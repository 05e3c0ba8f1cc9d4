import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `clients.redirect_uris` and `clients.post_logout_redirect_uris`: space-delimited lists (a URI holds
 * no space, RFC 3986 §2), empty for every existing client. The bootstrap portal client gets its URIs
 * at start, because they derive from ISSUER (src/bootstrap/bootstrap.service.ts).
 */
export class ClientsRedirectUris1764830000000 implements MigrationInterface {
  name = 'ClientsRedirectUris1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('clients', [
      new TableColumn({ name: 'redirect_uris', type: 'text', isNullable: true }),
      new TableColumn({ name: 'post_logout_redirect_uris', type: 'text', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('clients', 'post_logout_redirect_uris');
    await queryRunner.dropColumn('clients', 'redirect_uris');
  }
}
