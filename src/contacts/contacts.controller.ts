import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Scopes } from '../auth/scopes.decorator';
import type { Page } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { ContactsService } from './contacts.service';
import { ContactResponseDto } from './dto/contact-response.dto';
import { CreateContactDto } from './dto/create-contact.dto';
import { ListContactsQueryDto } from './dto/list-contacts-query.dto';
import { UpdateContactDto } from './dto/update-contact.dto';

const USER_TOKEN_NOTE = 'Needs a user token: a client_credentials token is refused with 403.';
const ID_PARAM = { name: 'id', description: 'The contact id', example: '3f2b8c1e-6a4d-4f1e-9c2a-7b5d0e8f1a23' };

@ApiTags('contacts')
@Controller('api/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @Scopes('contacts.read')
  @ApiOperation({ summary: 'List your contacts, optionally searching name and email', description: USER_TOKEN_NOTE })
  @ApiPaginatedResponse(ContactResponseDto)
  @ApiErrorResponses(400)
  async list(@CurrentUser() userId: string, @Query() query: ListContactsQueryDto): Promise<Page<ContactResponseDto>> {
    const page = await this.contacts.list(userId, query);
    return { items: page.items.map((contact) => ContactResponseDto.from(contact)), total: page.total };
  }

  @Post()
  @Scopes('contacts.write')
  @ApiOperation({
    summary: 'Add a contact',
    description: `${USER_TOKEN_NOTE} At most QUOTA_CONTACTS_PER_USER contacts per user (default 10000; 409 past it).`,
  })
  @ApiBody({ type: CreateContactDto })
  @ApiCreatedResponse({ type: ContactResponseDto, description: 'The new contact' })
  @ApiErrorResponses(400, 409)
  async create(@CurrentUser() userId: string, @Body() body: CreateContactDto): Promise<ContactResponseDto> {
    return ContactResponseDto.from(await this.contacts.create(userId, body));
  }

  @Get(':id')
  @Scopes('contacts.read')
  @ApiOperation({ summary: 'Read one of your contacts', description: USER_TOKEN_NOTE })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: ContactResponseDto, description: 'The contact' })
  @ApiErrorResponses(404)
  async get(@CurrentUser() userId: string, @Param('id') id: string): Promise<ContactResponseDto> {
    return ContactResponseDto.from(await this.contacts.get(userId, id));
  }

  @Patch(':id')
  @Scopes('contacts.write')
  @ApiOperation({ summary: 'Change a contact; null clears email, phone or notes', description: USER_TOKEN_NOTE })
  @ApiParam(ID_PARAM)
  @ApiBody({ type: UpdateContactDto })
  @ApiOkResponse({ type: ContactResponseDto, description: 'The contact as changed' })
  @ApiErrorResponses(400, 404)
  async update(
    @CurrentUser() userId: string,
    @Param('id') id: string,
    @Body() body: UpdateContactDto,
  ): Promise<ContactResponseDto> {
    return ContactResponseDto.from(await this.contacts.update(userId, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Scopes('contacts.write')
  @ApiOperation({ summary: 'Delete a contact', description: USER_TOKEN_NOTE })
  @ApiParam(ID_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(404)
  async delete(@CurrentUser() userId: string, @Param('id') id: string): Promise<void> {
    await this.contacts.delete(userId, id);
  }
}
