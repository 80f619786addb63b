import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/database/database-options.js';

// Each test file runs on its own fresh database cloned from a migrated template (made once per run in
// global-setup): CREATE DATABASE … TEMPLATE on PostgreSQL, a loaded data-dir dump on PGlite.

export const TEMPLATE_ENV = 'FREIRAUM_TEST_TEMPLATE';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error('Test template missing: run tests through jest (global-setup).');
  if (process.env.DATABASE_URL) {
    const name = `freiraum_test_${randomBytes(6).toString('hex')}`;
    // Two files cloning the same template at the same moment can collide; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    return {
      target: { kind: 'postgres', url: withDatabase(process.env.DATABASE_URL, name) },
      drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dump = await readFile(template);
  return { target: { kind: 'pglite', loadDataDir: new Blob([dump]) }, drop: async () => {} };
}
