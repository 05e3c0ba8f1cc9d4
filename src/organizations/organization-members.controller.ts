import { Body, Controller, Delete, Get, HttpCode, Ip, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
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
import { AddMemberDto, UpdateMemberDto } from './dto/organization.dto';
import { MemberResponseDto } from './dto/organization-response.dto';
import { MEMBER_USER_ID_PARAM, ORGANIZATION_KEY_PARAM } from './organization-params';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller('orgs/:key/members')
@ApiParam(ORGANIZATION_KEY_PARAM)
export class OrganizationMembersController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @Scopes('orgs:read')
  @ApiOperation({ summary: 'The members of one of your organizations' })
  @ApiPaginatedResponse(MemberResponseDto)
  @ApiErrorResponses(400, 404)
  async list(
    @CurrentUser() userId: string,
    @Param('key') key: string,
    @Query() page: PaginationQueryDto,
  ): Promise<Page<MemberResponseDto>> {
    const { items, total } = await this.organizations.listMembers(userId, key, page);
    return { items: items.map((member) => MemberResponseDto.from(member)), total };
  }

  @Post()
  @Scopes('orgs:write')
  @ApiOperation({
    summary: 'Add an existing user (owners and admins; only owners add owners)',
    description: '404 when no user has the email; 409 when they are a member already.',
  })
  @ApiCreatedResponse({ type: MemberResponseDto })
  @ApiErrorResponses(400, 404, 409)
  async add(
    @CurrentUser() userId: string,
    @Ip() ip: string,
    @Param('key') key: string,
    @Body() body: AddMemberDto,
  ): Promise<MemberResponseDto> {
    return MemberResponseDto.from(await this.organizations.addMember({ userId, ip }, key, body));
  }

  @Patch(':user_id')
  @Scopes('orgs:write')
  @ApiOperation({
    summary: "Change a member's role (owners and admins; only owners touch owners)",
    description: 'The last owner cannot be demoted (409).',
  })
  @ApiParam(MEMBER_USER_ID_PARAM)
  @ApiOkResponse({ type: MemberResponseDto })
  @ApiErrorResponses(400, 404, 409)
  async update(
    @CurrentUser() userId: string,
    @Ip() ip: string,
    @Param('key') key: string,
    @Param('user_id', ParseUUIDPipe) memberId: string,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberResponseDto> {
    return MemberResponseDto.from(await this.organizations.updateMember({ userId, ip }, key, memberId, body));
  }

  @Delete(':user_id')
  @HttpCode(204)
  @Scopes('orgs:write')
  @ApiOperation({
    summary: 'Remove a member (owners and admins), or leave (your own user id)',
    description:
      'The last owner cannot leave (409). The refresh tokens the member holds for this organization stop working at once.',
  })
  @ApiParam(MEMBER_USER_ID_PARAM)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrorResponses(400, 404, 409)
  async delete(
    @CurrentUser() userId: string,
    @Ip() ip: string,
    @Param('key') key: string,
    @Param('user_id', ParseUUIDPipe) memberId: string,
  ): Promise<void> {
    await this.organizations.removeMember({ userId, ip }, key, memberId);
  }
}
