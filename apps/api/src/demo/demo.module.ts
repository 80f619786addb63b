import { Module } from '@nestjs/common';
import { LearningApiModule } from '../learning/learning.module.js';
import { DemoLearningSeedService } from './demo-learning-seed.js';
import { DemoSeedOnStart } from './demo-seed-on-start.js';
import { DemoSeedService } from './demo-seed.js';

@Module({
  imports: [LearningApiModule],
  providers: [DemoSeedService, DemoLearningSeedService, DemoSeedOnStart],
  exports: [DemoSeedService, DemoLearningSeedService],
})
export class DemoModule {}
