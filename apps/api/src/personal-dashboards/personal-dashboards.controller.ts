import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { homeDashboardSchema, teamDashboardSchema } from '@freiraum/contracts';
import { Authenticated, CurrentUser } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodResponse } from '../common/validation/zod.js';
import { PersonalDashboardsService } from './personal-dashboards.service.js';

@ApiTags('dashboards')
@Authenticated()
@Controller('dashboards')
export class PersonalDashboardsController {
  constructor(private readonly dashboards: PersonalDashboardsService) {}

  @Get('me')
  @ZodResponse(homeDashboardSchema)
  me(@CurrentUser() user: AuthUser) {
    return this.dashboards.home(user);
  }

  /** Anyone with an active direct report; everyone else gets 403 (the service checks, not a stored role). */
  @Get('team')
  @ZodResponse(teamDashboardSchema)
  team(@CurrentUser() user: AuthUser) {
    return this.dashboards.team(user);
  }
}
