import { Module } from '@nestjs/common';
import { ActivityService } from '../activity/activity.service.js';
import { FreiraumController } from './freiraum.controller.js';
import { FreiraumEscalationJob } from './freiraum-escalation.job.js';
import { FreiraumMails } from './freiraum-mails.js';
import { FreiraumRepository } from './freiraum.repository.js';
import { FreiraumService } from './freiraum.service.js';

@Module({
  controllers: [FreiraumController],
  providers: [FreiraumService, FreiraumRepository, FreiraumMails, FreiraumEscalationJob, ActivityService],
  exports: [FreiraumService],
})
export class FreiraumModule {}
