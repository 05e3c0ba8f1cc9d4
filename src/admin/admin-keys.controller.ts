import { Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { KeyRotationService } from '../tokens/keys/key-rotation.service';
import { AdminRoute } from './admin-route.decorator';

@Controller('admin/keys')
@AdminRoute()
export class AdminKeysController {
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
  rotate(@CurrentUser() adminId: string, @Ip() ip: string): Promise<{ kid: string }> {
    return this.rotation.rotate({ actorUserId: adminId, ip });
  }
}
