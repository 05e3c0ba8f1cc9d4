import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundError } from '../common/errors/domain.error';
import type { Page } from '../common/pagination/pagination.dto';
import { Contact } from './contact.entity';
import type { CreateContactDto } from './dto/create-contact.dto';
import type { ListContactsQuery } from './dto/list-contacts.query';
import type { UpdateContactDto } from './dto/update-contact.dto';

// '!' escapes LIKE wildcards the same way on SQLite and MySQL (a backslash does not).
const LIKE_ESCAPE = '!';

/** A user's own address book: every query is scoped to the owner, so another's contact is just "not found". */
@Injectable()
export class ContactsService {
  constructor(@InjectRepository(Contact) private readonly contacts: Repository<Contact>) {}

  async list(ownerId: string, { limit, offset, q }: ListContactsQuery): Promise<Page<Contact>> {
    const query = this.contacts
      .createQueryBuilder('contact')
      .where('contact.ownerId = :ownerId', { ownerId })
      .orderBy('contact.name', 'ASC')
      .addOrderBy('contact.id', 'ASC')
      .take(limit)
      .skip(offset);
    const term = q?.trim();
    if (term) {
      query.andWhere(
        `(LOWER(contact.name) LIKE :pattern ESCAPE '${LIKE_ESCAPE}' OR LOWER(contact.email) LIKE :pattern ESCAPE '${LIKE_ESCAPE}')`,
        { pattern: `%${escapeLike(term.toLowerCase())}%` },
      );
    }
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  async get(ownerId: string, id: string): Promise<Contact> {
    const contact = await this.contacts.findOneBy({ id, ownerId });
    if (!contact) throw new NotFoundError('Contact');
    return contact;
  }

  async create(ownerId: string, dto: CreateContactDto): Promise<Contact> {
    const contact = this.contacts.create({
      ownerId,
      name: dto.name,
      email: dto.email ?? null,
      phone: dto.phone ?? null,
      notes: dto.notes ?? null,
    });
    return this.contacts.save(contact);
  }

  async update(ownerId: string, id: string, dto: UpdateContactDto): Promise<Contact> {
    const contact = await this.get(ownerId, id);
    if (dto.name !== undefined) contact.name = dto.name;
    if (dto.email !== undefined) contact.email = dto.email;
    if (dto.phone !== undefined) contact.phone = dto.phone;
    if (dto.notes !== undefined) contact.notes = dto.notes;
    return this.contacts.save(contact);
  }

  async remove(ownerId: string, id: string): Promise<void> {
    const { affected } = await this.contacts.delete({ id, ownerId });
    if (!affected) throw new NotFoundError('Contact');
  }
}

function escapeLike(term: string): string {
  return term.replace(/[!%_]/g, (char) => LIKE_ESCAPE + char);
}
