import { Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiErrorResponses } from '../swagger/api-responses.decorator';
import { AdminLockoutsService } from './admin-lockouts.service';
import { AdminRoute } from './admin-route.decorator';
import { LockStateResponseDto } from './dto/lock-state-response.dto';

const ID_PARAM = { name: 'id', description: 'The user id', example: '7f9c1e1a-3b7e-4c43-9a57-2f1c1d0b6a10' };

@Controller('admin/users/:id')
@AdminRoute()
export class AdminLockoutsController {
  constructor(private readonly locks: AdminLockoutsService) {}

  @Get('lock')
  @ApiOperation({ summary: "A user's brute-force lock state: locked, until when, failures in the streak" })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: LockStateResponseDto })
  @ApiErrorResponses(404)
  lockState(@Param('id') id: string): Promise<LockStateResponseDto> {
    return this.locks.lockState(id);
  }

  @Post('unlock')
  @HttpCode(200)
  @ApiOperation({ summary: "Lift a user's brute-force lock and clear the failure streak (audited)" })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: LockStateResponseDto })
  @ApiErrorResponses(404)
  unlock(@Param('id') id: string, @CurrentUser() adminId: string, @Ip() ip: string): Promise<LockStateResponseDto> {
    return this.locks.unlock(id, adminId, ip);
  }
}
