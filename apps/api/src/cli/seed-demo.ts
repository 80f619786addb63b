import { AuditService } from '../audit/audit.service.js';
import { Tx } from '../database/transaction.js';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION_NAME, DEMO_PASSWORD } from '../demo/demo-data.js';
import { DemoSeedService } from '../demo/demo-seed.js';
import { NotificationService } from '../notifications/notification.service.js';
import { runCli, withDatabase } from './bootstrap.js';

// `npm run seed:demo`: the explicit way to put the demo organisation into any database, PostgreSQL too.
runCli(async () => {
  await withDatabase(async ({ ds, clock, databaseLabel }) => {
    const seeder = new DemoSeedService(new Tx(ds), clock, new AuditService(clock), new NotificationService(clock));
    const result = await seeder.seed();
    if (!result.created) {
      console.log(`Nothing to do (${databaseLabel}): ${result.reason}.`);
      return;
    }
    console.log(`Seeded "${DEMO_ORGANIZATION_NAME}" with ${result.users} people into the ${databaseLabel}.`);
    console.log(`Sign in with the password ${DEMO_PASSWORD} as:\n${DEMO_ACCOUNTS.map((e) => `  ${e}`).join('\n')}`);
  });
});
