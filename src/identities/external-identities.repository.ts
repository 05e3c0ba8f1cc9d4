import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ExternalIdentity } from './external-identity.entity';

/** The only code that reads or writes `external_identities`. */
@Injectable()
export class ExternalIdentitiesRepository {
  constructor(@InjectRepository(ExternalIdentity) private readonly identities: Repository<ExternalIdentity>) {}

  find(providerAlias: string, subject: string): Promise<ExternalIdentity | null> {
    return this.identities.findOneBy({ providerAlias, subject });
  }

  listForUser(userId: string): Promise<ExternalIdentity[]> {
    return this.identities.find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  countForProvider(providerAlias: string): Promise<number> {
    return this.identities.countBy({ providerAlias });
  }

  /** Throws the driver's unique violation when (provider, subject) is linked already. */
  async insert(identity: ExternalIdentity): Promise<void> {
    await this.identities.insert(identity);
  }

  /** True when the user had that identity. */
  async deleteForUser(id: string, userId: string): Promise<boolean> {
    const result = await this.identities.delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }
}
