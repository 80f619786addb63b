import 'reflect-metadata';
import { DashboardRollups } from '../dashboards/dashboard-rollups.js';
import { loadCliConfig, runCli, withDatabase } from './bootstrap.js';

// `npm run rollups:rebuild`: recomputes the dashboards' read models from the activity log (ADR 0012), e.g.
// after a bulk import or a change of the rollup mapping. Safe to run at any time: one transaction.
runCli(async () => {
  const config = loadCliConfig();
  await withDatabase(
    async ({ ds, databaseLabel }) => {
      const started = Date.now();
      const stats = await ds.transaction((em) => new DashboardRollups().rebuild(em));
      console.log(`Rebuilt the dashboard rollups in the ${databaseLabel}: ${stats.userDays} person-days, ${stats.moduleProgress} module starts, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    },
    { config },
  );
});
