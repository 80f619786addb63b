import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import type { AppConfig } from './config/app-config.js';
import { createDataSourceOptions, type DatabaseTarget } from './database/database-options.js';
import { CoreModule } from './common/core.module.js';
import { Clock } from './common/time/clock.js';
import { ErrorFilter } from './common/http/error.filter.js';
import { JwtAuthGuard, RolesGuard } from './common/auth/guards.js';
import { JwtStrategy, JWT_ALGORITHM } from './auth/jwt.strategy.js';
import { HealthModule } from './health/health.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { UsersModule } from './users/users.module.js';
import { AuditModule } from './audit/audit.module.js';
import { LearningApiModule } from './learning/learning.module.js';
import { GovernanceModule } from './governance/governance.module.js';
import { AuthModule } from './auth/auth.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { DemoModule } from './demo/demo.module.js';
import { FreiraumModule } from './freiraum/freiraum.module.js';
import { JournalModule } from './journal/journal.module.js';
import { DashboardsModule } from './dashboards/dashboards.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { PersonalDashboardsModule } from './personal-dashboards/personal-dashboards.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  database: DatabaseTarget;
  clock?: Clock;
}

@Module({})
export class AppModule {
  static register({ config, database, clock = new Clock() }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(config, clock),
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({ ...(await createDataSourceOptions(database)), migrationsRun: true }),
        }),
        PassportModule,
        JwtModule.register({
          global: true,
          secret: config.jwtSecret,
          signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.accessTokenTtlSeconds },
          verifyOptions: { algorithms: [JWT_ALGORITHM] },
        }),
        HealthModule,
        JobsModule,
        NotificationsModule,
        DemoModule,
        AuthModule,
        LearningApiModule,
        GovernanceModule,
        OrganizationsModule,
        UsersModule,
        AuditModule,
        FreiraumModule,
        JournalModule,
        DashboardsModule,
        PrivacyModule,
        PersonalDashboardsModule,
        // Feature modules register here.
      ],
      providers: [
        JwtStrategy,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
