import { describeDatabase, runCli, withDatabase } from './bootstrap.js';

// `npm run db:migrate`: applies pending migrations to the configured database and says which ran.
runCli(async () => {
  await withDatabase(
    async ({ ds, config }) => {
      const ran = await ds.runMigrations({ transaction: 'each' });
      if (ran.length === 0) console.log(`Database is up to date (${describeDatabase(config)}).`);
      else
        console.log(
          `Applied ${ran.length} migration(s) to ${describeDatabase(config)}:\n${ran.map((m) => `  ${m.name}`).join('\n')}`,
        );
    },
    { runMigrations: false },
  );
});
