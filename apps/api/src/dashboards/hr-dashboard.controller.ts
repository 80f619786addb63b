import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { hrCsvQuerySchema, hrDashboardQuerySchema, hrDashboardSchema, type HrDashboardQuery } from '@freiraum/contracts';
import { Authenticated, CurrentUser, Roles } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodQuery, ZodResponse } from '../common/validation/zod.js';
import { HrDashboardService, type CsvTable } from './hr-dashboard.service.js';

@ApiTags('dashboards')
@Authenticated()
@Roles('hr', 'admin')
@Controller('dashboards')
export class HrDashboardController {
  constructor(private readonly hr: HrDashboardService) {}

  @Get('hr')
  @Header('cache-control', 'private, no-store')
  @ZodResponse(hrDashboardSchema)
  dashboard(@CurrentUser() user: AuthUser, @ZodQuery(hrDashboardQuerySchema) query: HrDashboardQuery) {
    return this.hr.dashboard(user, query);
  }

  @Get('hr.csv')
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'One table of the HR dashboard as CSV for German Excel', content: { 'text/csv': { schema: { type: 'string' } } } })
  @Header('cache-control', 'private, no-store')
  async csv(
    @CurrentUser() user: AuthUser,
    @ZodQuery(hrCsvQuerySchema) query: HrDashboardQuery & { table: CsvTable; lang: 'de' | 'en' },
    @Res() reply: FastifyReply,
  ) {
    const { table, lang, ...filters } = query;
    const file = await this.hr.csv(user, table, lang, filters);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
  }
}
