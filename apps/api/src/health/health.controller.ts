import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { z } from 'zod';
import { Public } from '../common/auth/decorators.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ZodResponse } from '../common/validation/zod.js';

const statusSchema = z.object({ status: z.literal('ok') });

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** Readiness: 200 when the database answers, 503 otherwise. */
  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ZodResponse(statusSchema)
  async ready(): Promise<{ status: 'ok' }> {
    try {
      await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
    } catch {
      throw new DomainError('unavailable', 'Database is not reachable');
    }
    return { status: 'ok' };
  }

  /** Liveness: never touches the database. */
  @Get('live')
  @ZodResponse(statusSchema)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
