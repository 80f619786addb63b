// `npm run bench` (PostgreSQL, not in CI): in one run, on this machine,
//   1. GET /api/dashboards/hr over HTTP: p50/p95 at the scale organisation (default range, and with a department filter);
//   2. the same dashboard built in-process from the read models and from plain aggregates over the base tables
//      (same indexes), p50/p95 each, and their ratio;
//   3. GET /api/health/live throughput beside a bare Fastify hello-world started by this script, as a ratio.
// Needs DATABASE_URL and an organisation made by `npm run seed:scale` (the newest one named --org).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = (...p) => path.join(root, 'apps/api/dist', ...p);
const { values: args } = parseArgs({
  options: {
    org: { type: 'string', default: 'Scale GmbH' },
    password: { type: 'string', default: 'freiraum-scale-2026' },
    requests: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '10' },
    port: { type: 'string', default: '3917' },
  },
});
const N = Number(args.requests);
const say = (m) => console.error(`[bench] ${m}`);

if (!process.env.DATABASE_URL) {
  console.error('npm run bench needs DATABASE_URL (PostgreSQL), e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/freiraum_scale npm run bench');
  process.exit(2);
}
if (!existsSync(api('main.js'))) {
  console.error('The API is not built: run npm run build first.');
  process.exit(2);
}

const quantile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const summarize = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), n: s.length };
};
const fmt = (x) => `${x.toFixed(1)} ms`;

async function timed(times, fn) {
  for (let i = 0; i < Math.min(20, times); i++) await fn(); // warm-up: plans, caches, JIT
  const ms = [];
  for (let i = 0; i < times; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return summarize(ms);
}

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const [org] = (
  await client.query(
    `SELECT o.id, o.name, (SELECT count(*)::int FROM users u WHERE u.organization_id = o.id AND u.active) AS people,
            (SELECT count(*)::int FROM activity_log a WHERE a.organization_id = o.id) AS activity
       FROM organizations o WHERE o.name = $1 ORDER BY o.created_at DESC LIMIT 1`,
    [args.org],
  )
).rows;
if (!org) {
  console.error(`No organisation named "${args.org}": run npm run seed:scale -- --employees 10000 first.`);
  process.exit(2);
}
const [hr] = (await client.query(`SELECT email FROM users WHERE organization_id = $1 AND active AND 'hr' = ANY(roles) ORDER BY created_at LIMIT 1`, [org.id])).rows;
const [dept] = (
  await client.query(
    `SELECT d.id, d.name, count(u.id)::int AS people FROM departments d JOIN users u ON u.department_id = d.id
      WHERE d.organization_id = $1 GROUP BY d.id ORDER BY people DESC LIMIT 1`,
    [org.id],
  )
).rows;
await client.end();
say(`${org.name}: ${org.people} active people, ${org.activity} activity rows`);

// ---- 1. the endpoint over HTTP ----
const port = Number(args.port);
const server = spawn(process.execPath, [api('main.js')], {
  cwd: root,
  env: { ...process.env, PORT: String(port), NODE_ENV: 'production', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', JOBS_ENABLED: 'false', SEED_DEMO: 'never', CONTENT_IMPORT_ON_START: 'false', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 600) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: hr.email, password: args.password }) });
  if (!login.ok) throw new Error(`signing in as ${hr.email} failed: ${login.status} ${await login.text()}`);
  const { accessToken } = await login.json();
  const headers = { authorization: `Bearer ${accessToken}` };
  const get = async (url) => {
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    await res.arrayBuffer();
  };
  say(`HTTP: ${N} sequential requests each`);
  const httpDefault = await timed(N, () => get(`${base}/api/dashboards/hr`));
  const httpDept = await timed(N, () => get(`${base}/api/dashboards/hr?departmentId=${dept.id}`));
  // Longer and older ranges: a quarter up to today, and a month half a year ago (the module funnel then
  // takes back what started or completed after the range, ADR 0013).
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const quarter = { from: day(-89), to: day(0) };
  const past = { from: day(-210), to: day(-181) };
  const httpQuarter = await timed(N, () => get(`${base}/api/dashboards/hr?from=${quarter.from}&to=${quarter.to}`));
  const httpPast = await timed(N, () => get(`${base}/api/dashboards/hr?from=${past.from}&to=${past.to}`));

  // ---- 2. read models vs plain aggregates, in-process, same database and indexes ----
  const { openDataSource, closeDataSource } = await import(api('database/database-options.js'));
  const { Tx } = await import(api('database/transaction.js'));
  const { Clock } = await import(api('common/time/clock.js'));
  const { HrDashboardService } = await import(api('dashboards/hr-dashboard.service.js'));
  const { RollupCellSource } = await import(api('dashboards/rollup-cell-source.js'));
  const { PlainCellSource } = await import(api('dashboards/plain-cell-source.js'));
  const ds = await openDataSource({ kind: 'postgres', url: process.env.DATABASE_URL }, false);
  const rollups = new RollupCellSource();
  const service = new HrDashboardService(new Tx(ds), new Clock(), rollups);
  const plainN = Math.max(20, Math.round(N / 10));
  say(`in-process: ${N} builds from read models, ${plainN} from plain aggregates`);
  const viaRollups = await timed(N, () => service.build(ds.manager, org.id, {}, rollups));
  const viaPlain = await timed(plainN, () => service.build(ds.manager, org.id, {}, new PlainCellSource()));
  let same = true;
  for (const query of [{}, quarter, past, { departmentId: dept.id }]) {
    const a = JSON.stringify(await service.build(ds.manager, org.id, query, rollups));
    if (a !== JSON.stringify(await service.build(ds.manager, org.id, query, new PlainCellSource()))) same = false;
  }
  await closeDataSource(ds);

  // ---- 3. liveness throughput beside a bare Fastify ----
  const bare = Fastify();
  bare.get('/hello', async () => ({ status: 'ok' }));
  await bare.listen({ port: port + 1, host: '127.0.0.1' });
  const load = (url) =>
    new Promise((resolve, reject) => autocannon({ url, connections: 50, duration: Number(args.seconds) }, (err, result) => (err ? reject(err) : resolve(result))));
  say(`throughput: ${args.seconds} s each, 50 connections`);
  const live = await load(`${base}/api/health/live`);
  const hello = await load(`http://127.0.0.1:${port + 1}/hello`);
  await bare.close();

  const lines = [
    `Freiraum benchmark — ${new Date().toISOString()} — ${org.people} active people, ${org.activity} activity rows, Node ${process.version}`,
    '',
    'HR dashboard, GET /api/dashboards/hr (HTTP, sequential, after warm-up):',
    `  default range (30 days)      p50 ${fmt(httpDefault.p50)}  p95 ${fmt(httpDefault.p95)}  p99 ${fmt(httpDefault.p99)}  (n=${httpDefault.n})`,
    `  + department filter (${dept.people} people)  p50 ${fmt(httpDept.p50)}  p95 ${fmt(httpDept.p95)}  p99 ${fmt(httpDept.p99)}`,
    `  a quarter (90 days)           p50 ${fmt(httpQuarter.p50)}  p95 ${fmt(httpQuarter.p95)}  p99 ${fmt(httpQuarter.p99)}`,
    `  a month half a year ago       p50 ${fmt(httpPast.p50)}  p95 ${fmt(httpPast.p95)}  p99 ${fmt(httpPast.p99)}`,
    `  target p95 ≤ 50 ms (default range): ${httpDefault.p95 <= 50 ? 'met' : 'NOT met'}`,
    '',
    'Same dashboard built in-process (no HTTP):',
    `  from the read models          p50 ${fmt(viaRollups.p50)}  p95 ${fmt(viaRollups.p95)}  (n=${viaRollups.n})`,
    `  from plain aggregates         p50 ${fmt(viaPlain.p50)}  p95 ${fmt(viaPlain.p95)}  (n=${viaPlain.n})`,
    `  plain ÷ read models (p50)     ${(viaPlain.p50 / viaRollups.p50).toFixed(1)}×   identical figures (4 queries): ${same ? 'yes' : 'NO'}`,
    '',
    'Liveness throughput (autocannon, 50 connections):',
    `  GET /api/health/live          ${Math.round(live.requests.average)} req/s  p99 ${live.latency.p99} ms`,
    `  bare Fastify hello-world      ${Math.round(hello.requests.average)} req/s  p99 ${hello.latency.p99} ms`,
    `  ratio (Freiraum ÷ bare)       ${(live.requests.average / hello.requests.average).toFixed(2)}`,
  ];
  console.log(lines.join('\n'));
} finally {
  server.kill('SIGTERM');
}
