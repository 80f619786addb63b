import { Module } from '@nestjs/common';
import { GovernanceModule } from '../governance/governance.module.js';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { ActivityService } from '../activity/activity.service.js';
import { ContentImportService } from './content-import.service.js';
import { LearningController } from './learning.controller.js';
import { LearningRepository } from './learning.repository.js';
import { LearningService } from './learning.service.js';
import { LearningMails } from './learning-mails.js';
import { AssignmentsService } from './assignments.service.js';
import { AssignmentDueJob } from './assignment-due.job.js';

@Module({
  imports: [GovernanceModule, CertificatesModule],
  controllers: [LearningController],
  providers: [LearningMails, LearningService, AssignmentsService, AssignmentDueJob, LearningRepository, ContentImportService, ActivityService],
  exports: [ContentImportService, ActivityService, LearningService, AssignmentsService],
})
export class LearningApiModule {}
