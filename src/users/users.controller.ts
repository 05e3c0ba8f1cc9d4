import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Scopes } from '../auth/scopes.decorator';
import { SignUpDto } from './dto/sign-up.dto';
import { CurrentUserResponseDto, UserResponseDto } from './dto/user-response.dto';
import { SignUpService } from './sign-up.service';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly signUps: SignUpService,
    private readonly users: UsersService,
  ) {}

  @Post()
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: 'Sign up', description: 'Creates a user. Then sign in with the password grant.' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid body; the message lists every failing field' })
  @ApiConflictResponse({ description: 'A user with this email already exists' })
  @ApiForbiddenResponse({ description: 'Sign-up is disabled on this server (SIGNUP_ENABLED=false)' })
  async signUp(@Body() body: SignUpDto, @Ip() ip: string): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.signUps.signUp(body, ip));
  }

  @Get('me')
  @Scopes('profile')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: CurrentUserResponseDto })
  async me(@CurrentUser() userId: string): Promise<CurrentUserResponseDto> {
    return CurrentUserResponseDto.from(await this.users.getById(userId));
  }
}
