import { mkdirSync } from 'node:fs';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  /** dataDir undefined = in memory; loadDataDir = start from a dumped template (tests). */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

export function databaseTargetFromConfig(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  return databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir };
}

const common = {
  type: 'postgres' as const,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  synchronize: false,
  // gen_random_uuid() is built in since PostgreSQL 13; TypeORM must not try CREATE EXTENSION.
  uuidExtension: 'pgcrypto' as const,
  installExtensions: false,
  migrationsTransactionMode: 'each' as const,
};

export async function createDataSourceOptions(target: DatabaseTarget): Promise<DataSourceOptions> {
  if (target.kind === 'postgres') {
    return { ...common, url: target.url, extra: { max: 10 } };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: target.dataDir, loadDataDir: target.loadDataDir });
  // PGlite is one session. Its own node-postgres adapter with a pool of one serialises transactions
  // correctly (typeorm-pglite as shipped interleaves them: STACK.md P1). Consequence: inside a
  // transaction, every query must use the transaction's EntityManager or it waits forever.
  return { ...common, extra: { ...createPgConfig(pglite), max: 1, pglite } } as DataSourceOptions;
}

/** The embedded database behind a data source, if it is one. */
export function pgliteOf(ds: DataSource): PGlite | undefined {
  return (ds.options as { extra?: { pglite?: PGlite } }).extra?.pglite;
}

/** Closes the data source and, for PGlite, the embedded database itself (it holds ~0.5 GB). */
export async function closeDataSource(ds: DataSource): Promise<void> {
  const pglite = pgliteOf(ds);
  if (ds.isInitialized) await ds.destroy();
  if (pglite && !pglite.closed) await pglite.close();
}

export async function openDataSource(target: DatabaseTarget, runMigrations = true): Promise<DataSource> {
  const ds = new DataSource(await createDataSourceOptions(target));
  await ds.initialize();
  if (runMigrations) await ds.runMigrations({ transaction: 'each' });
  return ds;
}
