import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DEMO_ORGANIZATION_NAME, DEMO_PASSWORD } from './demo-data.js';
import { DemoSeedService } from './demo-seed.js';
import { DemoLearningSeedService } from './demo-learning-seed.js';
import { DemoFreiraumSeedService } from './demo-freiraum-seed.js';

/**
 * First start of an empty embedded database: seed the demo organisation so `npm start` shows something.
 * Never on PostgreSQL (DATABASE_URL set) — a real install gets data only through `npm run seed:demo`.
 */
@Injectable()
export class DemoSeedOnStart implements OnApplicationBootstrap {
  private readonly log = new Logger('DemoSeed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demo: DemoSeedService,
    private readonly demoLearning: DemoLearningSeedService,
    private readonly demoFreiraum: DemoFreiraumSeedService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo !== 'auto' || this.config.databaseUrl) return;
    if (!(await this.demo.databaseIsEmpty())) return;
    const result = await this.demo.seed();
    if (result.created) {
      await this.demoLearning.seed();
      await this.demoFreiraum.seed();
      this.log.log(
        `Seeded the demo organisation "${DEMO_ORGANIZATION_NAME}". Sign in as admin@muster.example, hr@, chefin@, ` +
          `manager@, sales@, translation@ or verwaltung@muster.example with the password ${DEMO_PASSWORD}.`,
      );
    }
  }
}
