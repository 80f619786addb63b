import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createJournalEntrySchema,
  feedQuerySchema,
  journalEntrySchema,
  journalListSchema,
  kudosResultSchema,
  pageQuerySchema,
  promoteEntrySchema,
  updateJournalVisibilitySchema,
  useCaseListSchema,
  useCaseQuerySchema,
  useCaseSchema,
  uuid,
  type Outcome,
  type PromoteEntry,
  type UpdateJournalVisibility,
  type Visibility,
  type CreateJournalEntry,
} from '@freiraum/contracts';
import { Authenticated, CurrentUser } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodBody, ZodParam, ZodQuery, ZodResponse } from '../common/validation/zod.js';
import { Idempotent } from '../idempotency/idempotency.js';
import { JournalService } from './journal.service.js';

interface Page {
  limit: number;
  offset: number;
}

@ApiTags('journal')
@Authenticated()
@Controller('journal')
export class JournalController {
  constructor(private readonly journal: JournalService) {}

  @Post()
  @ZodResponse(journalEntrySchema, 201)
  @Idempotent()
  create(
    @CurrentUser() user: AuthUser,
    @ZodBody(createJournalEntrySchema) body: CreateJournalEntry & { visibility: Visibility },
  ) {
    return this.journal.create(user, body);
  }

  @Get()
  @ZodResponse(journalListSchema)
  list(@CurrentUser() user: AuthUser, @ZodQuery(pageQuerySchema) page: Page) {
    return this.journal.listOwn(user, page);
  }

  @Get('feed')
  @ZodResponse(journalListSchema)
  feed(
    @CurrentUser() user: AuthUser,
    @ZodQuery(feedQuerySchema) query: Page & { scope: 'all' | 'team'; outcome?: Outcome },
  ) {
    return this.journal.feed(user, query);
  }

  @Get(':id')
  @ZodResponse(journalEntrySchema)
  get(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.journal.get(user, id);
  }

  @Patch(':id/visibility')
  @ZodResponse(journalEntrySchema)
  visibility(
    @CurrentUser() user: AuthUser,
    @ZodParam('id', uuid) id: string,
    @ZodBody(updateJournalVisibilitySchema) body: UpdateJournalVisibility,
  ) {
    return this.journal.setVisibility(user, id, body.visibility);
  }

  // Kudos is a toggle on existing state, not a new resource: 200 for giving and withdrawing alike.
  @Post(':id/kudos')
  @HttpCode(200)
  @ZodResponse(kudosResultSchema)
  giveKudos(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.journal.giveKudos(user, id);
  }

  @Delete(':id/kudos')
  @ZodResponse(kudosResultSchema)
  withdrawKudos(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.journal.withdrawKudos(user, id);
  }
}

@ApiTags('use-cases')
@Authenticated()
@Controller('use-cases')
export class UseCasesController {
  constructor(private readonly journal: JournalService) {}

  @Get()
  @ZodResponse(useCaseListSchema)
  list(
    @CurrentUser() user: AuthUser,
    @ZodQuery(useCaseQuerySchema)
    query: Page & { q?: string; trackId?: string; departmentId?: string; toolId?: string },
  ) {
    return this.journal.listUseCases(user, query);
  }

  @Get(':id')
  @ZodResponse(useCaseSchema)
  get(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.journal.getUseCase(user, id);
  }

  @Post()
  @ZodResponse(useCaseSchema, 201)
  @Idempotent()
  promote(@CurrentUser() user: AuthUser, @ZodBody(promoteEntrySchema) body: PromoteEntry) {
    return this.journal.promote(user, body);
  }
}
