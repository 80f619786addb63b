import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';

// jest's moduleNameMapper does not apply to globalSetup/globalTeardown, so map the ESM-style `./x.js`
// imports of the source to `./x` here (as jest.config.mjs does for test files). Everything else is
// imported dynamically below, after this hook is in place.
const mod = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = mod._resolveFilename;
mod._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === '@freiraum/contracts') request = path.resolve(__dirname, '../../../../libs/contracts/src/index.ts');
  else if (request === '@freiraum/content') request = path.resolve(__dirname, '../../../../libs/content/src/index.ts');
  else if (/^\.{1,2}\/.*\.js$/.test(request)) request = request.slice(0, -3);
  return original.call(this, request, ...rest);
};

export default async function globalSetup(): Promise<void> {
  await import('reflect-metadata');
  const { closeDataSource, openDataSource, pgliteOf } = await import('../../src/database/database-options.js');
  const { adminQuery, TEMPLATE_ENV, withDatabase } = await import('./db.js');
  if (process.env.DATABASE_URL) {
    const name = `freiraum_tpl_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const ds = await openDataSource({ kind: 'postgres', url: withDatabase(process.env.DATABASE_URL, name) });
    await ds.destroy();
    process.env[TEMPLATE_ENV] = name;
    return;
  }
  // PGlite: migrate an in-memory database once and dump it; every test file loads the dump (~0.7 s).
  const ds = await openDataSource({ kind: 'pglite' });
  const dump = await pgliteOf(ds)!.dumpDataDir('gzip');
  const file = path.join(os.tmpdir(), `freiraum-pglite-template-${process.pid}.tar.gz`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await closeDataSource(ds);
  process.env[TEMPLATE_ENV] = file;
}
