import { Module } from '@nestjs/common';
import { GovernanceModule } from '../governance/governance.module.js';
import { ActivityService } from '../activity/activity.service.js';
import { JournalController, UseCasesController } from './journal.controller.js';
import { JournalRepository } from './journal.repository.js';
import { JournalService } from './journal.service.js';

@Module({
  imports: [GovernanceModule],
  controllers: [JournalController, UseCasesController],
  providers: [JournalService, JournalRepository, ActivityService],
  exports: [JournalService],
})
export class JournalModule {}
