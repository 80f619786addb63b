import { Module } from '@nestjs/common';
import { DemoSeedOnStart } from './demo-seed-on-start.js';
import { DemoSeedService } from './demo-seed.js';

@Module({ providers: [DemoSeedService, DemoSeedOnStart], exports: [DemoSeedService] })
export class DemoModule {}
