import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Page } from '../common/pagination/pagination.dto';
import { LIKE_ESCAPE, likePattern } from '../common/validation/like-pattern';
import { lockOwnerRow, serializedTransaction } from '../database/dialect';
import { Contact } from './contact.entity';

export type ContactFields = Pick<Contact, 'name' | 'email' | 'phone' | 'notes'>;

/** The contacts table. Every method takes the owner: another user's contact is simply not found. */
@Injectable()
export class ContactsRepository {
  constructor(@InjectRepository(Contact) private readonly contacts: Repository<Contact>) {}

  /** By name; `search` matches a literal, case-insensitive substring of the name or the email. */
  async list(ownerId: string, page: { limit: number; offset: number; search?: string }): Promise<Page<Contact>> {
    const query = this.contacts
      .createQueryBuilder('contact')
      .where('contact.ownerId = :ownerId', { ownerId })
      .orderBy('contact.name', 'ASC')
      .addOrderBy('contact.id', 'ASC')
      .take(page.limit)
      .skip(page.offset);
    if (page.search) {
      query.andWhere(
        `(LOWER(contact.name) LIKE :pattern ESCAPE '${LIKE_ESCAPE}' OR LOWER(contact.email) LIKE :pattern ESCAPE '${LIKE_ESCAPE}')`,
        { pattern: `%${likePattern(page.search.toLowerCase())}%` },
      );
    }
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  findOne(ownerId: string, id: string): Promise<Contact | null> {
    return this.contacts.findOneBy({ id, ownerId });
  }

  /**
   * Inserts unless the owner already holds `limit` contacts (then undefined). Counted and inserted under
   * a lock on the owner's row, so concurrent inserts cannot overshoot the limit.
   */
  insertWithin(limit: number, ownerId: string, fields: ContactFields): Promise<Contact | undefined> {
    return serializedTransaction(this.contacts.manager, async (manager) => {
      await lockOwnerRow(manager, 'users', ownerId);
      if ((await manager.countBy(Contact, { ownerId })) >= limit) return undefined;
      return manager.save(manager.create(Contact, { ownerId, ...fields }));
    });
  }

  /** Saves a contact read through `findOne` after its fields were changed. */
  save(contact: Contact): Promise<Contact> {
    return this.contacts.save(contact);
  }

  /** False when the owner has no such contact. */
  async delete(ownerId: string, id: string): Promise<boolean> {
    const { affected } = await this.contacts.delete({ id, ownerId });
    return (affected ?? 0) > 0;
  }
}
