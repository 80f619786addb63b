import { Module } from '@nestjs/common';
import { ActivityService } from '../activity/activity.service.js';
import { ContentImportService } from './content-import.service.js';
import { LearningController } from './learning.controller.js';
import { LearningRepository } from './learning.repository.js';
import { LearningService } from './learning.service.js';

@Module({
  controllers: [LearningController],
  providers: [LearningService, LearningRepository, ContentImportService, ActivityService],
  exports: [ContentImportService, ActivityService],
})
export class LearningApiModule {}
