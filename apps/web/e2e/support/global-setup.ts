import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';

// Starts the REAL built server (apps/api/dist/main.js, serving apps/web/dist) on a free port with a fresh
// database holding the demo organisation, hands its URL to the tests, and tears everything down after.
// - DATABASE_URL set: a throwaway PostgreSQL database, migrated and seeded by the seed-demo CLI.
// - otherwise: a temporary embedded (PGlite) data folder, seeded by the server itself (SEED_DEMO=auto).

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const API_MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');
const SEED_CLI = path.join(REPO_ROOT, 'apps/api/dist/cli/seed-demo.js');
const WEB_INDEX = path.join(REPO_ROOT, 'apps/web/dist/index.html');
const SERVER_LOG = path.join(RESULTS_DIR, 'e2e-server.log');
const BOOT_TIMEOUT_MS = 120_000;

function requireBuild(): void {
  const missing = [API_MAIN, SEED_CLI, WEB_INDEX].filter((f) => !existsSync(f));
  if (missing.length) {
    throw new Error(
      `The browser tests run against the built app, but the build is missing:\n` +
        missing.map((f) => `  ${path.relative(REPO_ROOT, f)}`).join('\n') +
        `\nRun \`npm run build\` at the repository root first (\`npm test\` does this for you).`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

// `pg` is the API's dependency; resolve it from there rather than declaring it again for the SPA.
type PgModule = typeof import('pg');
const pg = createRequire(path.join(REPO_ROOT, 'apps/api/package.json'))('pg') as PgModule;

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode} while starting.`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer ${baseUrl}/api/health within ${BOOT_TIMEOUT_MS / 1000} s.`);
}

function serverLogTail(lines = 40): string {
  try {
    return readFileSync(SERVER_LOG, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireBuild();
  mkdirSync(RESULTS_DIR, { recursive: true });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: baseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    JOBS_ENABLED: 'false',
    SMTP_URL: '',
  };
  delete env.NODE_OPTIONS;

  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error(err));
  };

  try {
    const adminUrl = process.env.DATABASE_URL;
    if (adminUrl) {
      const name = `freiraum_e2e_${randomBytes(5).toString('hex')}`;
      await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
      cleanups.push(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      env.DATABASE_URL = withDatabaseName(adminUrl, name);
      env.SEED_DEMO = 'never';
      // The explicit way to seed PostgreSQL (migrates first); the server never seeds it by itself.
      const seed = spawnSync(process.execPath, [SEED_CLI], { cwd: REPO_ROOT, env, encoding: 'utf8' });
      if (seed.status !== 0) throw new Error(`Seeding the demo organisation failed:\n${seed.stdout}\n${seed.stderr}`);
    } else {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'freiraum-e2e-'));
      cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      delete env.DATABASE_URL;
      env.DATA_DIR = dataDir;
      env.SEED_DEMO = 'auto';
    }

    const log = createWriteStream(SERVER_LOG);
    const server = spawn(process.execPath, [API_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout.pipe(log);
    server.stderr.pipe(log);
    cleanups.push(() => stopServer(server));

    try {
      await waitForHealth(baseUrl, server);
    } catch (err) {
      throw new Error(
        `${(err as Error).message}\nLast lines of ${path.relative(REPO_ROOT, SERVER_LOG)}:\n${serverLogTail()}`,
        {
          cause: err,
        },
      );
    }
  } catch (err) {
    await teardown();
    throw err;
  }

  project.provide('baseUrl', baseUrl);
  return teardown;
}
