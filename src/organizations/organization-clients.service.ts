import { Injectable } from '@nestjs/common';
import type { Client } from '../clients/client.entity';
import { ClientRegistrationService, type ClientWithSecret } from '../client-registration/client-registration.service';
import type { CreateClientDto } from '../client-registration/dto/create-client.dto';
import { ConflictError } from '../common/errors/domain.error';
import type { Page, PaginationQuery } from '../common/pagination/pagination.dto';
import { OrganizationsRepository } from './organizations.repository';
import { type Actor, OrganizationsService } from './organizations.service';

/** How many apps one organization may register (a bound on what one account can make the server store). */
export const MAX_APPS_PER_ORGANIZATION = 50;

/** Org apps: registered by an organization's owners and admins through the developer portal's own rules. */
@Injectable()
export class OrganizationClientsService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly repository: OrganizationsRepository,
    private readonly registrations: ClientRegistrationService,
  ) {}

  async register(actor: Actor, key: string, body: CreateClientDto): Promise<ClientWithSecret> {
    const { organization } = await this.organizations.membershipFor(actor.userId, key, 'admin');
    if ((await this.repository.countClients(organization.id)) >= MAX_APPS_PER_ORGANIZATION) {
      throw new ConflictError(`An organization may register at most ${MAX_APPS_PER_ORGANIZATION} apps`);
    }
    return this.registrations.registerForOrganization(organization.id, actor.userId, body, actor.ip);
  }

  async list(userId: string, key: string, page: PaginationQuery): Promise<Page<Client>> {
    const { organization } = await this.organizations.membershipFor(userId, key, 'admin');
    return this.registrations.listForOrganization(organization.id, page);
  }
}
