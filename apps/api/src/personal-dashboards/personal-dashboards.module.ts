import { Module } from '@nestjs/common';
import { LearningApiModule } from '../learning/learning.module.js';
import { FreiraumModule } from '../freiraum/freiraum.module.js';
import { PersonalDashboardsController } from './personal-dashboards.controller.js';
import { PersonalDashboardsRepository } from './personal-dashboards.repository.js';
import { PersonalDashboardsService } from './personal-dashboards.service.js';

@Module({
  imports: [LearningApiModule, FreiraumModule],
  controllers: [PersonalDashboardsController],
  providers: [PersonalDashboardsService, PersonalDashboardsRepository],
})
export class PersonalDashboardsModule {}
