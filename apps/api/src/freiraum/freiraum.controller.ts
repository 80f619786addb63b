import { Controller, Delete, Get, Header, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  balanceQuerySchema,
  bulkDecisionResultSchema,
  bulkDecisionSchema,
  createDelegationSchema,
  createFreiraumRequestSchema,
  delegationListSchema,
  delegationSchema,
  freiraumDecisionSchema,
  freiraumPolicySchema,
  freiraumRequestSchema,
  inboxSchema,
  myFreiraumSchema,
  okSchema,
  requestListQuerySchema,
  requestListSchema,
  setAllocationSchema,
  teamFreiraumSchema,
  teamMemberSchema,
  updateFreiraumPolicySchema,
  uuid,
  type BulkDecision,
  type CreateDelegation,
  type CreateFreiraumRequest,
  type FreiraumDecision,
  type FreiraumRequestStatus,
  type SetAllocation,
  type UpdateFreiraumPolicy,
} from '@freiraum/contracts';
import { Authenticated, CurrentUser, Roles } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodBody, ZodParam, ZodQuery, ZodResponse } from '../common/validation/zod.js';
import { Idempotent } from '../idempotency/idempotency.js';
import { FreiraumService } from './freiraum.service.js';

type Parsed<T> = T & { note: string };

@ApiTags('freiraum')
@Authenticated()
@Controller('freiraum')
export class FreiraumController {
  constructor(private readonly freiraum: FreiraumService) {}

  @Get('policy')
  @ZodResponse(freiraumPolicySchema)
  policy(@CurrentUser() user: AuthUser) {
    return this.freiraum.policy(user);
  }

  @Put('policy')
  @Roles('admin')
  @ZodResponse(freiraumPolicySchema)
  updatePolicy(@CurrentUser() user: AuthUser, @ZodBody(updateFreiraumPolicySchema) body: UpdateFreiraumPolicy) {
    return this.freiraum.updatePolicy(user, body);
  }

  @Get('me')
  @ZodResponse(myFreiraumSchema)
  mine(@CurrentUser() user: AuthUser, @ZodQuery(balanceQuerySchema) query: { period?: string }) {
    return this.freiraum.mine(user, query.period);
  }

  @Get('requests')
  @ZodResponse(requestListSchema)
  list(@CurrentUser() user: AuthUser, @ZodQuery(requestListQuerySchema) query: { period?: string; status?: FreiraumRequestStatus }) {
    return this.freiraum.listMine(user, query);
  }

  @Post('requests')
  @Idempotent()
  @ZodResponse(freiraumRequestSchema, 201)
  create(@CurrentUser() user: AuthUser, @ZodBody(createFreiraumRequestSchema) body: CreateFreiraumRequest & { purpose: string }) {
    return this.freiraum.create(user, body);
  }

  // Declared before `requests/:id` routes so "decisions" is never read as an id.
  @Post('requests/decisions')
  @HttpCode(200)
  @Idempotent()
  @ZodResponse(bulkDecisionResultSchema)
  decideMany(@CurrentUser() user: AuthUser, @ZodBody(bulkDecisionSchema) body: Parsed<BulkDecision>) {
    return this.freiraum.decideMany(user, body);
  }

  @Get('requests/:id')
  @ZodResponse(freiraumRequestSchema)
  get(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.freiraum.get(user, id);
  }

  @Post('requests/:id/cancel')
  @HttpCode(200)
  @Idempotent()
  @ZodResponse(freiraumRequestSchema)
  cancel(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.freiraum.cancel(user, id);
  }

  @Post('requests/:id/decision')
  @HttpCode(200)
  @Idempotent()
  @ZodResponse(freiraumRequestSchema)
  decide(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string, @ZodBody(freiraumDecisionSchema) body: Parsed<FreiraumDecision>) {
    return this.freiraum.decide(user, id, body);
  }

  @Get('requests/:id/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiResponse({ status: 200, description: 'The approved slot as an iCalendar file', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @Header('cache-control', 'private, no-store')
  async calendar(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string, @Res() reply: FastifyReply) {
    const file = await this.freiraum.calendar(user, id);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
  }

  @Get('inbox')
  @ZodResponse(inboxSchema)
  inbox(@CurrentUser() user: AuthUser) {
    return this.freiraum.inbox(user);
  }

  @Get('team')
  @ZodResponse(teamFreiraumSchema)
  team(@CurrentUser() user: AuthUser, @ZodQuery(balanceQuerySchema) query: { period?: string }) {
    return this.freiraum.team(user, query.period);
  }

  @Put('team/:userId/allocation')
  @ZodResponse(teamMemberSchema)
  setAllocation(@CurrentUser() user: AuthUser, @ZodParam('userId', uuid) userId: string, @ZodBody(setAllocationSchema) body: SetAllocation) {
    return this.freiraum.setAllocation(user, userId, body);
  }

  @Get('delegations')
  @ZodResponse(delegationListSchema)
  delegations(@CurrentUser() user: AuthUser) {
    return this.freiraum.delegations(user);
  }

  @Post('delegations')
  @ZodResponse(delegationSchema, 201)
  createDelegation(@CurrentUser() user: AuthUser, @ZodBody(createDelegationSchema) body: CreateDelegation) {
    return this.freiraum.createDelegation(user, body);
  }

  @Delete('delegations/:id')
  @ZodResponse(okSchema)
  deleteDelegation(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.freiraum.deleteDelegation(user, id);
  }
}

