import 'reflect-metadata';
import { DASHBOARD_TABLES, DashboardRollups } from '../dashboards/dashboard-rollups.js';
import { loadCliConfig, runCli, withDatabase } from './bootstrap.js';

// `npm run rollups:rebuild`: recomputes the dashboards' read models from the activity log (ADR 0012), e.g.
// after a bulk import or a change of the rollup mapping. Safe to run at any time: one transaction.
runCli(async () => {
  const config = loadCliConfig();
  await withDatabase(
    async ({ ds, databaseLabel }) => {
      const started = Date.now();
      const stats = await ds.transaction((em) => new DashboardRollups().rebuild(em));
      // Fresh statistics: the planner would otherwise still see the tables as they were before.
      for (const table of DASHBOARD_TABLES) await ds.query(`ANALYZE ${table}`);
      console.log(`Rebuilt the dashboard rollups in the ${databaseLabel}: ${stats.userDays} person-days, ${stats.moduleProgress} module starts, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    },
    { config },
  );
});
