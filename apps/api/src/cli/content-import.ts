import 'reflect-metadata';
import { loadAndCheck } from '@freiraum/content';
import { ContentImportService } from '../learning/content-import.service.js';
import { Tx } from '../database/transaction.js';
import { loadCliConfig, runCli, withDatabase, CliError } from './bootstrap.js';

// `npm run content:import`: imports the learning content files (idempotent, by slug; what left the
// content is retired, never deleted). The app does the same on start.
runCli(async () => {
  const config = loadCliConfig();
  const { content, problems } = loadAndCheck(config.contentDir);
  if (problems.length) {
    throw new CliError(`The content has ${problems.length} problem(s); run npm run content:check. First: ${problems[0].file}:${problems[0].line}: ${problems[0].message}`);
  }
  await withDatabase(
    async ({ ds, clock, databaseLabel }) => {
      const importer = new ContentImportService(config, new Tx(ds), clock);
      const stats = await ds.transaction((em) => importer.importContent(em, content));
      console.log(`Imported into the ${databaseLabel}: ${stats.created} created, ${stats.updated} updated, ${stats.unchanged} unchanged, ${stats.retired} retired.`);
    },
    { config },
  );
});
