import { createHash } from 'node:crypto';
import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { DataSource, LessThan } from 'typeorm';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode, type FieldIssue } from '../common/errors/domain-error.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

interface StoredError {
  error: { code: ErrorCode; message: string; details?: FieldIssue[] };
}

// Idempotency-Key for POSTs that create or decide (ADR 0011). The key is claimed by an INSERT before the
// handler runs, so of two concurrent calls exactly one runs; the other gets 409 while the first is
// running, and the stored outcome afterwards. Domain errors (4xx) are stored and replayed like
// results; anything unexpected releases the key so that a retry can run again.
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const raw = request.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined || !request.user) return next.handle();
    return from(this.run(request, context.switchToHttp().getResponse<FastifyReply>(), String(raw), next));
  }

  private async run(request: FastifyRequest & { user?: AuthUser }, reply: FastifyReply, key: string, next: CallHandler): Promise<unknown> {
    if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new DomainError('validation_failed', 'Idempotency-Key: must be 1 to 200 visible ASCII characters', [
        { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
      ]);
    }
    const userId = request.user!.id;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const repo = this.dataSource.getRepository(IdempotencyKey);
    const now = this.clock.now();
    // Forget expired keys of this caller first, so an old key can be used again.
    await repo.delete({ userId, key, createdAt: LessThan(new Date(now.getTime() - IDEMPOTENCY_TTL_MS)) });
    const claimed = await repo
      .createQueryBuilder()
      .insert()
      .values({ userId, key, requestHash: hash, status: 'running', createdAt: now })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (claimed.raw.length === 0) {
      const existing = await repo.findOneByOrFail({ userId, key });
      if (existing.requestHash !== hash) {
        throw new DomainError('unprocessable', 'This Idempotency-Key was already used for a different request', [
          { field: 'Idempotency-Key', message: 'was already used with a different body or path' },
        ]);
      }
      if (existing.status === 'running') {
        throw new DomainError('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly', undefined, {
          'Retry-After': '1',
        });
      }
      void reply.header('Idempotent-Replayed', 'true');
      const stored = existing.response as StoredError | { value: unknown };
      if ('error' in stored) throw new DomainError(stored.error.code, stored.error.message, stored.error.details);
      return stored.value;
    }
    const id = (claimed.raw as { id: string }[])[0].id;
    try {
      const value = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await repo.update({ id }, { status: 'done', response: { value } as never });
      return value;
    } catch (err) {
      if (err instanceof DomainError) {
        const stored: StoredError = { error: { code: err.code, message: err.message, details: err.details } };
        await repo.update({ id }, { status: 'done', response: stored as never });
      } else {
        await repo.delete({ id });
      }
      throw err;
    }
  }
}

/** The route accepts an Idempotency-Key header (POSTs that create something or decide). */
export const Idempotent = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Same key and body replays the first response; same key with another body is 422; while the first is running, 409.',
    }),
    UseInterceptors(IdempotencyInterceptor),
  );
