import { Module } from '@nestjs/common';
import { LearningApiModule } from '../learning/learning.module.js';
import { FreiraumModule } from '../freiraum/freiraum.module.js';
import { JournalModule } from '../journal/journal.module.js';
import { DemoFreiraumSeedService } from './demo-freiraum-seed.js';
import { DemoLearningSeedService } from './demo-learning-seed.js';
import { DemoSeedOnStart } from './demo-seed-on-start.js';
import { DemoSeedService } from './demo-seed.js';

@Module({
  imports: [LearningApiModule, FreiraumModule, JournalModule],
  providers: [DemoSeedService, DemoLearningSeedService, DemoFreiraumSeedService, DemoSeedOnStart],
  exports: [DemoSeedService, DemoLearningSeedService, DemoFreiraumSeedService],
})
export class DemoModule {}
