import { ApiProperty } from '@nestjs/swagger';
import type { Contact } from '../contact.entity';

export class ContactResponseDto {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6a4d-4f1e-9c2a-7b5d0e8f1a23' })
  id!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'ada@example.com' })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+44 20 7946 0000' })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Met at the Analytical Engine demo' })
  notes!: string | null;

  @ApiProperty({ format: 'date-time', example: '2025-11-23T10:00:00.000Z' })
  created_at!: string;

  @ApiProperty({ format: 'date-time', example: '2025-11-23T10:00:00.000Z' })
  updated_at!: string;

  static from(contact: Contact): ContactResponseDto {
    return {
      id: contact.id,
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      notes: contact.notes,
      created_at: contact.createdAt.toISOString(),
      updated_at: contact.updatedAt.toISOString(),
    };
  }
}
