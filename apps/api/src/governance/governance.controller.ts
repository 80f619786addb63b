import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { flagDecisionSchema, flagListQuerySchema, flagListSchema, flagSchema, uuid, type FlagDecision } from '@freiraum/contracts';
import { Authenticated, CurrentUser } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodBody, ZodParam, ZodQuery, ZodResponse } from '../common/validation/zod.js';
import { GovernanceService } from './governance.service.js';

@ApiTags('governance')
@Authenticated()
@Controller('governance/flags')
export class GovernanceController {
  constructor(private readonly governance: GovernanceService) {}

  @Get()
  @ZodResponse(flagListSchema)
  list(@CurrentUser() user: AuthUser, @ZodQuery(flagListQuerySchema) query: { scope: 'to_decide' | 'mine'; status?: string }) {
    return this.governance.list(user, query);
  }

  @Post(':id/decision')
  @ZodResponse(flagSchema)
  decide(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string, @ZodBody(flagDecisionSchema) body: FlagDecision) {
    return this.governance.decide(user, id, body);
  }
}
