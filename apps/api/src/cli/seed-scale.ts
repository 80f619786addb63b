import { Logger } from '@nestjs/common';
import { seedScale, type SeedScaleProgress } from '../scale/seed-scale.js';
import { CliError, loadCliConfig, runCli, withDatabase } from './bootstrap.js';
import { parseSeedScaleArgs, SEED_SCALE_USAGE } from './seed-scale.args.js';

// `npm run seed:scale -- --employees 10000`: one large organisation with a year of history in PostgreSQL,
// for performance work. Progress goes to stderr, the summary to stdout.
runCli(async () => {
  const input = parseSeedScaleArgs(process.argv.slice(2));
  if (input === 'help') {
    console.log(SEED_SCALE_USAGE);
    return;
  }
  const config = loadCliConfig();
  if (!config.databaseUrl) {
    throw new CliError(
      'seed:scale needs PostgreSQL: set DATABASE_URL (e.g. DATABASE_URL=postgres://user@localhost:5432/freiraum_scale npm run seed:scale).\n' +
        'It does not write to the embedded database: a year of history for thousands of people is millions of rows.',
      2,
    );
  }
  // Services used along the way log through Nest; the progress lines below say enough.
  Logger.overrideLogger(['error', 'warn']);
  await withDatabase(
    async ({ ds, clock, databaseLabel }) => {
      console.error(
        `Seeding "${input.name}" with ${input.employees.toLocaleString('en')} people into the ${databaseLabel} (seed ${input.seed}) …`,
      );
      const result = await seedScale({ ds, clock, config }, input, progress);
      const width = Math.max(...Object.keys(result.rows).map((t) => t.length));
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      console.log(`\nCreated "${result.name}" (${result.organizationId}) in ${result.seconds.toFixed(1)} s:`);
      for (const [table, count] of Object.entries(result.rows).sort((a, b) => b[1] - a[1])) {
        console.log(`  ${table.padEnd(width)}  ${count.toLocaleString('en').padStart(10)}`);
      }
      console.log(`  ${'total'.padEnd(width)}  ${total.toLocaleString('en').padStart(10)}`);
      console.log(`\nEveryone's password is ${result.password}. For example:`);
      for (const login of result.logins) console.log(`  ${login.role.padEnd(16)} ${login.email}`);
    },
    { config },
  );
});

function progress(p: SeedScaleProgress): void {
  const at = `[${p.totalSeconds.toFixed(1).padStart(6)} s] ${p.step.padEnd(36)}`;
  // On a terminal the running step shows until it is done; in a log only finished steps appear.
  if (!p.done) {
    if (process.stderr.isTTY) process.stderr.write(`${at} …`);
    return;
  }
  const rows = p.rows === null ? '' : `${p.rows.toLocaleString('en')} rows`;
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  process.stderr.write(`${at} ${rows.padStart(16)}  (${p.stepSeconds.toFixed(1)} s)\n`);
}
