import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { auditListSchema, auditQuerySchema } from '@freiraum/contracts';
import type { z } from 'zod';
import { Authenticated, CurrentUser, Roles } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodQuery, ZodResponse } from '../common/validation/zod.js';
import { AuditQueryService } from './audit-query.service.js';

@ApiTags('audit')
@Authenticated()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  /** Newest first. */
  @Get()
  @Roles('admin')
  @ZodResponse(auditListSchema)
  list(@CurrentUser() user: AuthUser, @ZodQuery(auditQuerySchema) query: z.output<typeof auditQuerySchema>) {
    return this.audit.list(user, query);
  }
}
