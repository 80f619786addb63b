import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  createUserResponseSchema,
  createUserSchema,
  deactivateUserSchema,
  eraseUserSchema,
  errorBodySchema,
  importQuerySchema,
  importResultSchema,
  oneTimeLinkSchema,
  updateUserSchema,
  userListQuerySchema,
  userListSchema,
  userSummarySchema,
  uuid,
} from '@freiraum/contracts';
import type { z } from 'zod';
import { Authenticated, CurrentUser, Roles } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { toOpenApi, ZodBody, ZodParam, ZodQuery, ZodResponse } from '../common/validation/zod.js';
import { UsersService } from './users.service.js';
import { UsersImportService } from './users-import.service.js';
import { UserErasureService } from './user-erasure.service.js';

@ApiTags('users')
@Authenticated()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly importer: UsersImportService,
    private readonly erasure: UserErasureService,
  ) {}

  /** HR sees the list too (for imports and assignments); changing people is for admins. */
  @Get()
  @Roles('admin', 'hr')
  @ZodResponse(userListSchema)
  list(@CurrentUser() user: AuthUser, @ZodQuery(userListQuerySchema) query: z.output<typeof userListQuerySchema>) {
    return this.users.list(user, query);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ZodResponse(createUserResponseSchema, 201, 'Created; the invitation e-mail is queued')
  create(@CurrentUser() user: AuthUser, @ZodBody(createUserSchema) body: z.output<typeof createUserSchema>) {
    return this.users.create(user, body);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('admin', 'hr')
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'CSV (`;` or `,`, UTF-8 with or without BOM, or Windows-1252), header row required',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({
    status: 422,
    description: 'Some rows have errors; nothing was imported',
    schema: toOpenApi(errorBodySchema, 'output'),
  })
  @ZodResponse(importResultSchema)
  import(
    @CurrentUser() user: AuthUser,
    @ZodQuery(importQuerySchema) query: z.output<typeof importQuerySchema>,
    @Body() body: unknown,
  ) {
    return this.importer.import(user, body, query.dryRun === 'true');
  }

  @Get(':id')
  @Roles('admin')
  @ZodResponse(userSummarySchema)
  get(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.users.get(user, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ZodResponse(userSummarySchema)
  update(
    @CurrentUser() user: AuthUser,
    @ZodParam('id', uuid) id: string,
    @ZodBody(updateUserSchema) body: z.output<typeof updateUserSchema>,
  ) {
    return this.users.update(user, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  @ZodResponse(userSummarySchema)
  deactivate(
    @CurrentUser() user: AuthUser,
    @ZodParam('id', uuid) id: string,
    @ZodBody(deactivateUserSchema) body: z.output<typeof deactivateUserSchema>,
  ) {
    return this.users.deactivate(user, id, body);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Roles('admin')
  @ZodResponse(userSummarySchema)
  reactivate(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.users.reactivate(user, id);
  }

  /** Erases the person's personal data (PRODUCT.md §6); `confirm` must repeat their e-mail address. */
  @Post(':id/erase')
  @HttpCode(200)
  @Roles('admin')
  @ZodResponse(userSummarySchema, 200, 'Erased; the anonymised user')
  erase(
    @CurrentUser() user: AuthUser,
    @ZodParam('id', uuid) id: string,
    @ZodBody(eraseUserSchema) body: z.output<typeof eraseUserSchema>,
  ) {
    return this.erasure.erase(user, id, body);
  }

  @Post(':id/reset-link')
  @HttpCode(201)
  @Roles('admin')
  @ZodResponse(oneTimeLinkSchema, 201, 'Created')
  resetLink(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.users.resetLink(user, id);
  }
}
