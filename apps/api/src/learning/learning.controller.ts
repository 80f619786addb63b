import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  assignmentOverviewSchema,
  assignmentResultSchema,
  attemptListSchema,
  createAssignmentsSchema,
  attemptSummarySchema,
  reviewDecisionSchema,
  reviewQueueQuerySchema,
  reviewQueueSchema,
  type ReviewDecision,
  attemptResultSchema,
  moduleDetailSchema,
  pathListSchema,
  pathOverviewSchema,
  submitAttemptSchema,
  uuid,
  type SubmitAttempt,
} from '@freiraum/contracts';
import { z } from 'zod';
import { Authenticated, CurrentUser, Roles } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodBody, ZodParam, ZodQuery, ZodResponse } from '../common/validation/zod.js';
import { LearningService } from './learning.service.js';
import { AssignmentsService } from './assignments.service.js';

const slugParam = z.string().regex(/^[a-z0-9-]{1,80}$/, { message: 'must be a slug' });

@ApiTags('learning')
@Authenticated()
@Controller('learning')
export class LearningController {
  constructor(
    private readonly learning: LearningService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get('paths')
  @ZodResponse(pathListSchema)
  paths(@CurrentUser() user: AuthUser) {
    return this.learning.listPaths(user);
  }

  @Get('paths/:slug')
  @ZodResponse(pathOverviewSchema)
  path(@CurrentUser() user: AuthUser, @ZodParam('slug', slugParam) slug: string) {
    return this.learning.pathOverview(user, slug);
  }

  @Get('modules/:slug')
  @ZodResponse(moduleDetailSchema)
  module(@CurrentUser() user: AuthUser, @ZodParam('slug', slugParam) slug: string) {
    return this.learning.moduleDetail(user, slug);
  }

  @Post('lessons/:id/read')
  @HttpCode(204)
  read(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.learning.readLesson(user, id);
  }

  @Post('exercises/:id/attempts')
  @HttpCode(201)
  @ZodResponse(attemptResultSchema, 201)
  attempt(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string, @ZodBody(submitAttemptSchema) body: SubmitAttempt) {
    return this.learning.submitAttempt(user, id, body);
  }

  @Get('reviews')
  @ZodResponse(reviewQueueSchema)
  reviews(@CurrentUser() user: AuthUser, @ZodQuery(reviewQueueQuerySchema) query: { status: 'submitted' | 'decided' }) {
    return this.learning.reviewQueue(user, query.status);
  }

  @Post('reviews/:attemptId/decision')
  @ZodResponse(attemptSummarySchema)
  decide(@CurrentUser() user: AuthUser, @ZodParam('attemptId', uuid) id: string, @ZodBody(reviewDecisionSchema) body: ReviewDecision) {
    return this.learning.decideReview(user, id, body);
  }

  @Post('assignments')
  @Roles('hr', 'admin')
  @ZodResponse(assignmentResultSchema, 201)
  assign(@CurrentUser() user: AuthUser, @ZodBody(createAssignmentsSchema) body: z.output<typeof createAssignmentsSchema>) {
    return this.assignments.assign(user, body);
  }

  @Get('assignments')
  @Roles('hr', 'admin')
  @ZodResponse(assignmentOverviewSchema)
  assignmentOverview(@CurrentUser() user: AuthUser) {
    return this.assignments.overview(user);
  }

  @Get('exercises/:id/attempts')
  @ZodResponse(attemptListSchema)
  attempts(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.learning.listAttempts(user, id);
  }
}
