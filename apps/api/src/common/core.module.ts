import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from './time/clock.js';
import { Tx } from '../database/transaction.js';
import { DatabaseLifecycle } from '../database/database-lifecycle.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { IdempotencyInterceptor } from '../idempotency/idempotency.js';
import { DashboardRollups } from '../dashboards/dashboard-rollups.js';
import { IdempotencyCleanupJob } from '../idempotency/idempotency-cleanup.job.js';

/** Cross-cutting services every feature may inject. */
@Global()
@Module({})
export class CoreModule {
  static register(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: Clock, useValue: clock }, Tx, AuditService, NotificationService, DatabaseLifecycle, IdempotencyInterceptor, IdempotencyCleanupJob, DashboardRollups],
      exports: [APP_CONFIG, Clock, Tx, AuditService, NotificationService, IdempotencyInterceptor, DashboardRollups],
    };
  }
}
