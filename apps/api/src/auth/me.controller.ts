import { Controller, Get, HttpCode, Inject, Patch, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  changePasswordRequestSchema,
  currentUserSchema,
  privacyInfoSchema,
  updateProfileRequestSchema,
  type ChangePasswordRequest,
  type CurrentUser as CurrentUserView,
  type PrivacyInfo,
  type UpdateProfileRequest,
} from '@freiraum/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Authenticated, CurrentUser } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodBody, ZodResponse } from '../common/validation/zod.js';
import { MeService } from './me.service.js';
import { setRefreshCookie } from './refresh-cookie.js';

@ApiTags('me')
@Authenticated()
@Controller('me')
export class MeController {
  constructor(
    private readonly me: MeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ZodResponse(currentUserSchema)
  get(@CurrentUser() user: AuthUser): Promise<CurrentUserView> {
    return this.me.get(user);
  }

  @Patch()
  @ZodResponse(currentUserSchema)
  update(
    @CurrentUser() user: AuthUser,
    @ZodBody(updateProfileRequestSchema) body: UpdateProfileRequest,
  ): Promise<CurrentUserView> {
    return this.me.update(user, body);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Changes the password; signs out every other session and renews the refresh cookie' })
  @ApiNoContentResponse({ description: 'Password changed' })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @ZodBody(changePasswordRequestSchema) body: ChangePasswordRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    setRefreshCookie(reply, this.config, await this.me.changePassword(user, body));
  }

  @Get('privacy')
  @ApiOperation({ summary: 'What is stored about me and who can see it' })
  @ZodResponse(privacyInfoSchema)
  privacy(@CurrentUser() user: AuthUser): Promise<PrivacyInfo> {
    return this.me.privacy(user);
  }
}
