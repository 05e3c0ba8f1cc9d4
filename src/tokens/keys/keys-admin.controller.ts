import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessTokenPrincipal } from '../../auth/access-token-principal';
import { CurrentToken } from '../../auth/current-token.decorator';
import { Scopes } from '../../auth/scopes.decorator';
import { KeyRotationService } from './key-rotation.service';

@ApiTags('admin')
@Scopes('admin')
@Controller('admin/keys')
export class KeysAdminController {
  constructor(private readonly rotation: KeyRotationService) {}

  @Post('rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the signing key',
    description: 'New tokens carry the new kid; the previous key stays in the JWKS until its tokens have expired.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { kid: { type: 'string' } },
      example: { kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs' },
    },
  })
  rotate(@CurrentToken() token: AccessTokenPrincipal): Promise<{ kid: string }> {
    return this.rotation.rotate(token.userId);
  }
}
