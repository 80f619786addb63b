import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  errorBodySchema,
  loginRequestSchema,
  loginResponseSchema,
  okSchema,
  passwordResetRequestSchema,
  setPasswordWithTokenSchema,
  tokenInfoSchema,
  type LoginRequest,
  type LoginResponse,
  type PasswordResetRequest,
  type SetPasswordWithToken,
  type TokenInfo,
} from '@freiraum/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Public } from '../common/auth/decorators.js';
import { toOpenApi, ZodBody, ZodParam, ZodResponse } from '../common/validation/zod.js';
import { AuthService } from './auth.service.js';
import type { Session } from './session.service.js';
import { clearRefreshCookie, readRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie.js';

const ErrorResponse = (status: number, description: string) =>
  ApiResponse({ status, description, schema: toOpenApi(errorBodySchema, 'output') });

// Anything that is not a plausible token is simply "not found".
const tokenParam = z.string().max(200);

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: `Sign in; sets the HttpOnly refresh cookie ${REFRESH_COOKIE}` })
  @ZodResponse(loginResponseSchema)
  @ErrorResponse(401, 'E-mail or password is wrong')
  @ErrorResponse(429, 'Too many failed attempts; see the Retry-After header')
  async login(
    @ZodBody(loginRequestSchema) body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return this.withCookie(reply, await this.auth.login(body, request.ip));
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'New access token from the refresh cookie; the cookie rotates' })
  @ZodResponse(loginResponseSchema)
  @ErrorResponse(401, 'No valid session')
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return this.withCookie(reply, await this.auth.refresh(readRefreshCookie(request)));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the session of the refresh cookie and clears it' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(readRefreshCookie(request));
    clearRefreshCookie(reply, this.config);
  }

  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'E-mails a reset link if the account exists; the answer is the same either way' })
  @ZodResponse(okSchema, 202, 'Accepted')
  async requestPasswordReset(@ZodBody(passwordResetRequestSchema) body: PasswordResetRequest): Promise<{ ok: true }> {
    await this.auth.requestPasswordReset(body);
    return { ok: true };
  }

  @Get('tokens/:token')
  @ApiOperation({ summary: 'What an invitation or reset link is for (before the password form is shown)' })
  @ZodResponse(tokenInfoSchema)
  @ErrorResponse(404, 'The link is unknown, used or expired')
  tokenInfo(@ZodParam('token', tokenParam) token: string): Promise<TokenInfo> {
    return this.auth.tokenInfo(token);
  }

  @Post('password/set')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sets the password with an invitation or reset link and signs in' })
  @ZodResponse(loginResponseSchema)
  @ErrorResponse(400, 'Invalid body, or the link is used or expired')
  @ErrorResponse(404, 'The link is not valid')
  async setPassword(
    @ZodBody(setPasswordWithTokenSchema) body: SetPasswordWithToken,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return this.withCookie(reply, await this.auth.setPasswordWithToken(body));
  }

  private withCookie(reply: FastifyReply, session: Session): LoginResponse {
    setRefreshCookie(reply, this.config, session.refreshToken);
    return session.response;
  }
}
