import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { NoStore } from '../common/http/no-store';
import { CurrentUser } from '../auth/current-user.decorator';
import { Scopes } from '../auth/scopes.decorator';
import { type Page, PaginationQueryDto } from '../common/pagination/pagination.dto';
import { ApiErrorResponses, ApiPaginatedResponse } from '../swagger/api-responses.decorator';
import { ClientRegistrationService } from './client-registration.service';
import { ClientResponseDto, ClientWithSecretResponseDto } from './dto/client-response.dto';
import { CreateClientDto } from './dto/create-client.dto';
import { GenerateTokenDto } from './dto/generate-token.dto';
import { GeneratedTokenResponseDto } from './dto/generated-token-response.dto';
import { UpdateClientDto } from './dto/update-client.dto';
import { TestTokenService } from './test-token.service';

const CLIENT_ID_PARAM = {
  name: 'client_id',
  description: 'The public client identifier',
  example: 'q3Jx9c2Vb1TQ0sXk7m4Wng',
};

/** The developer portal: the signed-in user's own apps. */
@ApiTags('developer portal')
@Controller('clients')
export class ClientRegistrationController {
  constructor(
    private readonly registrations: ClientRegistrationService,
    private readonly testTokens: TestTokenService,
  ) {}

  @Post()
  @NoStore()
  @Scopes('clients:write')
  @ApiOperation({
    summary: 'Register an app',
    description:
      'The client_secret is in this response only. At most QUOTA_APPS_PER_USER apps per user (default 50; 409 past it).',
  })
  @ApiCreatedResponse({ type: ClientWithSecretResponseDto })
  @ApiErrorResponses(400, 409)
  async register(
    @CurrentUser() userId: string,
    @Body() body: CreateClientDto,
    @Ip() ip: string,
  ): Promise<ClientWithSecretResponseDto> {
    const { client, secret } = await this.registrations.register(userId, body, ip);
    return ClientWithSecretResponseDto.withSecret(client, secret);
  }

  @Get()
  @Scopes('clients:read')
  @ApiOperation({ summary: 'Your apps (never a secret)' })
  @ApiPaginatedResponse(ClientResponseDto)
  @ApiErrorResponses(400)
  async list(@CurrentUser() userId: string, @Query() page: PaginationQueryDto): Promise<Page<ClientResponseDto>> {
    const { items, total } = await this.registrations.list(userId, page);
    return { items: items.map((client) => ClientResponseDto.from(client)), total };
  }

  @Get(':client_id')
  @Scopes('clients:read')
  @ApiOperation({ summary: 'One of your apps' })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiOkResponse({ type: ClientResponseDto })
  @ApiErrorResponses(404)
  async get(@CurrentUser() userId: string, @Param('client_id') clientId: string): Promise<ClientResponseDto> {
    return ClientResponseDto.from(await this.registrations.getOwn(userId, clientId));
  }

  @Patch(':client_id')
  @Scopes('clients:write')
  @ApiOperation({ summary: 'Change the name, grant types or scopes of one of your apps' })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiOkResponse({ type: ClientResponseDto })
  @ApiErrorResponses(400, 404)
  async update(
    @CurrentUser() userId: string,
    @Param('client_id') clientId: string,
    @Body() body: UpdateClientDto,
    @Ip() ip: string,
  ): Promise<ClientResponseDto> {
    return ClientResponseDto.from(await this.registrations.update(userId, clientId, body, ip));
  }

  @Delete(':client_id')
  @HttpCode(204)
  @Scopes('clients:write')
  @ApiOperation({ summary: 'Delete one of your apps; its refresh tokens stop working' })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(404)
  async delete(@CurrentUser() userId: string, @Param('client_id') clientId: string, @Ip() ip: string): Promise<void> {
    await this.registrations.delete(userId, clientId, ip);
  }

  @Post(':client_id/secret')
  @NoStore()
  @HttpCode(200)
  @Scopes('clients:write')
  @ApiOperation({
    summary: 'Rotate the secret',
    description: 'The new client_secret is in this response only; the old one stops working at once.',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiOkResponse({ type: ClientWithSecretResponseDto })
  @ApiErrorResponses(400, 404)
  async rotateSecret(
    @CurrentUser() userId: string,
    @Param('client_id') clientId: string,
    @Ip() ip: string,
  ): Promise<ClientWithSecretResponseDto> {
    const { client, secret } = await this.registrations.rotateSecret(userId, clientId, ip);
    return ClientWithSecretResponseDto.withSecret(client, secret);
  }

  @Post(':client_id/tokens')
  @NoStore()
  @HttpCode(200)
  @Scopes('clients:write')
  @ApiOperation({
    summary: 'Generate a short-lived token for trying the API',
    description:
      'A client_credentials access token for one of your confidential apps that allows that grant, valid at most 600 s.',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiOkResponse({ type: GeneratedTokenResponseDto })
  @ApiErrorResponses(400, 404)
  generateToken(
    @CurrentUser() userId: string,
    @Param('client_id') clientId: string,
    @Body() body: GenerateTokenDto,
    @Ip() ip: string,
  ): Promise<GeneratedTokenResponseDto> {
    return this.testTokens.generate(userId, clientId, body.scopes, ip);
  }
}
