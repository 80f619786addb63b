import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { databaseTargetFromConfig } from '../database/database-options.js';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION_NAME, DEMO_PASSWORD } from '../demo/demo-data.js';
import { DemoLearningSeedService } from '../demo/demo-learning-seed.js';
import { DemoFreiraumSeedService } from '../demo/demo-freiraum-seed.js';
import { DemoSeedService } from '../demo/demo-seed.js';
import { describeDatabase, loadCliConfig, runCli } from './bootstrap.js';

// `npm run seed:demo`: the explicit way to put the demo organisation into any database, PostgreSQL too.
// It boots the app's modules without HTTP, so the learning history is made by the real services.
runCli(async () => {
  const config = { ...loadCliConfig(), seedDemo: 'never' as const, jobsEnabled: false };
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ config, database: databaseTargetFromConfig(config.databaseUrl, config.dataDir) }),
    { logger: ['error', 'warn'] },
  );
  try {
    const result = await app.get(DemoSeedService).seed();
    if (!result.created) {
      console.log(`Nothing to do (${describeDatabase(config)}): ${result.reason}.`);
      return;
    }
    await app.get(DemoLearningSeedService).seed();
    await app.get(DemoFreiraumSeedService).seed();
    console.log(`Seeded "${DEMO_ORGANIZATION_NAME}" with ${result.users} people, their learning history and Freiraum time into the ${describeDatabase(config)}.`);
    console.log(`Sign in with the password ${DEMO_PASSWORD} as:\n${DEMO_ACCOUNTS.map((e) => `  ${e}`).join('\n')}`);
  } finally {
    await app.close();
  }
});
