import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from '../clients/client.entity';
import { ClientsRepository } from '../clients/clients.repository';
import { generateSecret } from '../common/crypto/secrets';
import { ConflictError } from '../common/errors/domain.error';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { AppConfig } from '../config/app-config';
import { UsersRepository } from '../users/users.repository';
import { writeInitialAdminPassword } from './initial-admin-password';
import { UsersService } from '../users/users.service';

export const PORTAL_GRANT_TYPES = ['authorization_code', 'password', 'refresh_token'];
export const PORTAL_SCOPES = [
  'profile',
  'clients:read',
  'clients:write',
  'admin',
  'contacts.read',
  'contacts.write',
  'openid',
  'email',
  'orgs:read',
  'orgs:write',
];
/** The portal SPA's and Swagger UI's code-flow callbacks, and where the portal lands after signing out. */
export function portalRedirects(issuer: string): Pick<Client, 'redirectUris' | 'postLogoutRedirectUris'> {
  const base = issuer.replace(/\/+$/, '');
  return {
    redirectUris: [`${base}/portal/callback`, `${base}/docs/oauth2-redirect.html`],
    postLogoutRedirectUris: [`${base}/portal/`],
  };
}

/** Used when ADMIN_EMAIL is not set; sign-up's email validation cannot take it (no TLD). */
export const FALLBACK_ADMIN_EMAIL = 'admin@localhost';

/**
 * First start: the portal client and the first admin. Idempotent, and safe when several instances start
 * together: each insert relies on a unique index, and the loser of a race treats the duplicate as done.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly clients: ClientsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensurePortalClient();
    await this.ensureFirstAdmin();
  }

  async ensurePortalClient(): Promise<void> {
    const clientId = this.config.portalClientId;
    const existing = await this.clients.findByClientId(clientId);
    if (existing) {
      await this.upgradePortalClient(existing);
      return;
    }
    const portal = new Client();
    portal.clientId = clientId;
    portal.name = 'Developer portal';
    portal.confidential = false;
    portal.firstParty = true;
    portal.grantTypes = [...PORTAL_GRANT_TYPES];
    portal.scopes = [...PORTAL_SCOPES];
    Object.assign(portal, portalRedirects(this.config.issuer));
    try {
      await this.clients.insert(portal);
      this.logger.log(`Created the portal client "${clientId}"`);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /**
   * A portal created by an earlier version (or with another PORTAL_CLIENT_ID) becomes first-party and
   * gains the code flow and its redirect URIs; what an admin added is kept.
   */
  private async upgradePortalClient(portal: Client): Promise<void> {
    const wanted = portalRedirects(this.config.issuer);
    const grantTypes = union(portal.grantTypes, ['authorization_code']);
    const redirectUris = union(portal.redirectUris, wanted.redirectUris);
    const postLogoutRedirectUris = union(portal.postLogoutRedirectUris, wanted.postLogoutRedirectUris);
    const upToDate =
      portal.firstParty &&
      grantTypes.length === portal.grantTypes.length &&
      redirectUris.length === portal.redirectUris.length &&
      postLogoutRedirectUris.length === portal.postLogoutRedirectUris.length;
    if (upToDate) return;
    await this.clients.update(portal.id, { firstParty: true, grantTypes, redirectUris, postLogoutRedirectUris });
  }

  async ensureFirstAdmin(): Promise<void> {
    if (await this.userRows.anAdminExists()) return;
    const email = this.config.admin.email ?? FALLBACK_ADMIN_EMAIL;
    const generated = this.config.admin.password === undefined;
    const password = this.config.admin.password ?? generateSecret();
    try {
      await this.users.create({ email, password, name: 'Administrator', isAdmin: true });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const existing = await this.users.findByEmail(email);
      if (!existing?.isAdmin) {
        this.logger.warn(`No admin exists and ${email} belongs to a non-admin user; not promoting it`);
      }
      return;
    }
    if (generated) {
      // Secrets never reach a log: the winner writes the password to a file only this user can read.
      const file = await writeInitialAdminPassword(this.config.dataDirectory, password);
      this.logger.warn(
        `Created the first admin ${email} with a generated password, written to ${file} (readable by this user only): sign in, change it, then delete the file`,
      );
    } else {
      this.logger.log(`Created the first admin ${email} from ADMIN_EMAIL/ADMIN_PASSWORD`);
    }
  }
}

function union(current: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...current, ...added])];
}
