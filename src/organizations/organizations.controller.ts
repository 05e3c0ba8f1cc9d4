import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Scopes } from '../auth/scopes.decorator';
import { type Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization.dto';
import { MyOrganizationResponseDto } from './dto/organization-response.dto';
import { ORGANIZATION_KEY_PARAM } from './organization-params';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller('orgs')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Scopes('orgs:write')
  @ApiOperation({ summary: 'Create an organization; you become its owner' })
  @ApiCreatedResponse({ type: MyOrganizationResponseDto })
  @ApiErrorResponses(400, 409)
  async create(
    @CurrentUser() userId: string,
    @Ip() ip: string,
    @Body() body: CreateOrganizationDto,
  ): Promise<MyOrganizationResponseDto> {
    return MyOrganizationResponseDto.fromMembership(await this.organizations.create({ userId, ip }, body));
  }

  @Get()
  @Scopes('orgs:read')
  @ApiOperation({ summary: 'The organizations you are a member of, with your role' })
  @ApiPaginatedResponse(MyOrganizationResponseDto)
  @ApiErrorResponses(400)
  async list(
    @CurrentUser() userId: string,
    @Query() page: PaginationQueryDto,
  ): Promise<Page<MyOrganizationResponseDto>> {
    const { items, total } = await this.organizations.listMine(userId, page);
    return { items: items.map((membership) => MyOrganizationResponseDto.fromMembership(membership)), total };
  }

  @Get(':key')
  @Scopes('orgs:read')
  @ApiOperation({ summary: 'One of your organizations' })
  @ApiParam(ORGANIZATION_KEY_PARAM)
  @ApiOkResponse({ type: MyOrganizationResponseDto })
  @ApiErrorResponses(404)
  async get(@CurrentUser() userId: string, @Param('key') key: string): Promise<MyOrganizationResponseDto> {
    return MyOrganizationResponseDto.fromMembership(await this.organizations.membershipFor(userId, key));
  }

  @Patch(':key')
  @Scopes('orgs:write')
  @ApiOperation({ summary: 'Rename an organization (owners and admins); the key never changes' })
  @ApiParam(ORGANIZATION_KEY_PARAM)
  @ApiOkResponse({ type: MyOrganizationResponseDto })
  @ApiErrorResponses(400, 404)
  async update(
    @CurrentUser() userId: string,
    @Ip() ip: string,
    @Param('key') key: string,
    @Body() body: UpdateOrganizationDto,
  ): Promise<MyOrganizationResponseDto> {
    return MyOrganizationResponseDto.fromMembership(await this.organizations.update({ userId, ip }, key, body));
  }

  @Delete(':key')
  @HttpCode(204)
  @Scopes('orgs:write')
  @ApiOperation({
    summary: 'Delete an organization (owners)',
    description: 'Its memberships and apps are deleted; every refresh token issued for it stops working at once.',
  })
  @ApiParam(ORGANIZATION_KEY_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(404)
  async delete(@CurrentUser() userId: string, @Ip() ip: string, @Param('key') key: string): Promise<void> {
    await this.organizations.delete({ userId, ip }, key);
  }
}
