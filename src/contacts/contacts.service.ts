import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../common/errors/domain.error';
import { AppConfig } from '../config/app-config';
import type { Page } from '../common/pagination/pagination.dto';
import type { Contact } from './contact.entity';
import { ContactsRepository } from './contacts.repository';
import type { CreateContactDto } from './dto/create-contact.dto';
import type { ListContactsQueryDto } from './dto/list-contacts-query.dto';
import type { UpdateContactDto } from './dto/update-contact.dto';

/** A user's own address book: every query is scoped to the owner, so another's contact is just "not found". */
@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly config: AppConfig,
  ) {}

  list(ownerId: string, { limit, offset, q }: ListContactsQueryDto): Promise<Page<Contact>> {
    return this.contacts.list(ownerId, { limit, offset, search: q?.trim() || undefined });
  }

  async get(ownerId: string, id: string): Promise<Contact> {
    const contact = await this.contacts.findOne(ownerId, id);
    if (!contact) throw new NotFoundError('Contact');
    return contact;
  }

  /** Within the owner's quota (QUOTA_CONTACTS_PER_USER): past it, 409. */
  async create(ownerId: string, dto: CreateContactDto): Promise<Contact> {
    const limit = this.config.quotas.contactsPerUser;
    const contact = await this.contacts.insertWithin(limit, ownerId, {
      name: dto.name,
      email: dto.email ?? null,
      phone: dto.phone ?? null,
      notes: dto.notes ?? null,
    });
    if (!contact) throw new ConflictError(`An address book holds at most ${limit} contacts; delete one first`);
    return contact;
  }

  async update(ownerId: string, id: string, dto: UpdateContactDto): Promise<Contact> {
    const contact = await this.get(ownerId, id);
    if (dto.name !== undefined) contact.name = dto.name;
    if (dto.email !== undefined) contact.email = dto.email;
    if (dto.phone !== undefined) contact.phone = dto.phone;
    if (dto.notes !== undefined) contact.notes = dto.notes;
    return this.contacts.save(contact);
  }

  async delete(ownerId: string, id: string): Promise<void> {
    if (!(await this.contacts.delete(ownerId, id))) throw new NotFoundError('Contact');
  }
}
