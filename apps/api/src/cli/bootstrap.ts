import 'reflect-metadata';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/time/clock.js';
import { closeDataSource, databaseTargetFromConfig, openDataSource } from '../database/database-options.js';

// Shared by the command-line tools: configuration from the environment (as the app reads it), one
// DataSource, readable errors and exit codes (2 = wrong usage, 1 = anything else).

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const usageError = (message: string, usage: string) => new CliError(`${message}\n\n${usage}`, 2);

export interface CliContext {
  config: AppConfig;
  ds: DataSource;
  clock: Clock;
  /** Where the data is, for messages: "PostgreSQL" or the embedded data folder. */
  databaseLabel: string;
}

export function describeDatabase(config: AppConfig): string {
  if (!config.databaseUrl) return `embedded database in ${config.dataDir}`;
  try {
    // Host and database only: the URL may carry a password.
    const url = new URL(config.databaseUrl);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL database';
  }
}

/**
 * The configuration the app would read. `npm run <cli>` runs inside apps/api, so a relative (or default)
 * DATA_DIR is resolved against the folder npm was started in (INIT_CWD): `npm run seed:demo` at the
 * repository root then uses the same ./.data as `npm start` there.
 */
export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const base = env.INIT_CWD ?? process.cwd();
  try {
    return loadConfig({ ...env, DATA_DIR: path.resolve(base, env.DATA_DIR || '.data') });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}

/** Opens the configured database (running pending migrations unless told not to), runs `work`, closes it. */
export async function withDatabase<T>(
  work: (ctx: CliContext) => Promise<T>,
  options: { runMigrations?: boolean; config?: AppConfig } = {},
): Promise<T> {
  const config = options.config ?? loadCliConfig();
  const ds = await openDataSource(
    databaseTargetFromConfig(config.databaseUrl, config.dataDir),
    options.runMigrations ?? true,
  );
  try {
    return await work({ config, ds, clock: new Clock(), databaseLabel: describeDatabase(config) });
  } finally {
    await closeDataSource(ds);
  }
}

/** Runs a command's main function and turns errors into a message on stderr and an exit code. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => {
      process.exitCode ??= 0;
    },
    (err: unknown) => {
      if (err instanceof CliError) {
        console.error(`Error: ${err.message}`);
        process.exitCode = err.exitCode;
      } else {
        console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
        process.exitCode = 1;
      }
    },
  );
}
