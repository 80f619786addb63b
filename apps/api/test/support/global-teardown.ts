import { rm } from 'node:fs/promises';
import { adminQuery, TEMPLATE_ENV } from './db.js';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return;
  if (process.env.DATABASE_URL) await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  else await rm(template, { force: true });
}
