import { Injectable } from '@nestjs/common';
import type { Client } from '../clients/client.entity';
import { ClientRegistrationService, type ClientWithSecret } from '../client-registration/client-registration.service';
import type { CreateClientDto } from '../client-registration/dto/create-client.dto';
import type { Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { type Actor, OrganizationsService } from './organizations.service';

/** Org apps: registered by an organization's owners and admins through the developer portal's own rules. */
@Injectable()
export class OrganizationClientsService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly registrations: ClientRegistrationService,
  ) {}

  async register(actor: Actor, key: string, body: CreateClientDto): Promise<ClientWithSecret> {
    // The registration enforces the organization's app quota (QUOTA_APPS_PER_ORG).
    const { organization } = await this.organizations.membershipFor(actor.userId, key, 'admin');
    return this.registrations.registerForOrganization(organization.id, actor.userId, body, actor.ip);
  }

  async list(userId: string, key: string, page: PaginationQueryDto): Promise<Page<Client>> {
    const { organization } = await this.organizations.membershipFor(userId, key, 'admin');
    return this.registrations.listForOrganization(organization.id, page);
  }
}
