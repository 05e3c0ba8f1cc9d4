import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOrg } from '../auth/current-org.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { OrgRoles } from '../auth/org-roles.decorator';
import { Scopes } from '../auth/scopes.decorator';
import { type Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { MemberResponseDto, MyOrganizationResponseDto } from './dto/organization-response.dto';
import type { OrganizationClaims } from './organization-claims';
import { OrganizationsService } from './organizations.service';

/** Resource routes for a token issued for an organization (signed in as email@org-key, or by an org app). */
@ApiTags('organizations')
@Controller('org')
export class CurrentOrganizationController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @Scopes('orgs:read')
  @ApiOperation({
    summary: 'The organization your token was issued for, with your role in it now',
    description: '403 for a token issued for no organization; 404 when you are no longer a member.',
  })
  @ApiOkResponse({ type: MyOrganizationResponseDto })
  @ApiErrorResponses(404)
  async get(@CurrentUser() userId: string, @CurrentOrg() org: OrganizationClaims): Promise<MyOrganizationResponseDto> {
    return MyOrganizationResponseDto.fromMembership(await this.organizations.membershipFor(userId, org.key));
  }

  @Get('members')
  @Scopes('orgs:read')
  @OrgRoles('admin')
  @ApiOperation({ summary: "The members of your token's organization (its admins and owners)" })
  @ApiPaginatedResponse(MemberResponseDto)
  @ApiErrorResponses(400, 404)
  async members(
    @CurrentUser() userId: string,
    @CurrentOrg() org: OrganizationClaims,
    @Query() page: PaginationQueryDto,
  ): Promise<Page<MemberResponseDto>> {
    const { items, total } = await this.organizations.listMembers(userId, org.key, page);
    return { items: items.map((member) => MemberResponseDto.from(member)), total };
  }
}
