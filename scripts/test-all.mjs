// `npm test`: runs every test suite in order — API (jest: unit + HTTP integration), web (vitest), the
// libraries' own suites (libs/*, if they have a test script) and the browser suite (vitest +
// playwright-core + Debian Chromium) — streams their output and ends with one line
// `N passed, N failed[, N skipped]` summed over all suites. Exit code 1 if anything failed or crashed.
//
// The API suite uses PostgreSQL when DATABASE_URL is set, else embedded PGlite. The browser suite runs
// only when /usr/bin/chromium exists (SKIP_BROWSER=1 skips it); it needs a build and makes one when the
// build is missing or older than the sources.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.test-results');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

mkdirSync(resultsDir, { recursive: true });

/** Runs a command with inherited stdio; resolves with its exit code (a signal counts as failure). */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (err) => {
      console.error(`Could not start ${command}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// jest and vitest write the same top-level counters. A test file that could not even load shows up as a
// failed suite without failed tests: count it as one failure so it cannot hide.
function countsFrom(report) {
  const failedTests = report.numFailedTests ?? 0;
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: failedTests + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

async function runSuite(name, command, args, reportFile, env) {
  rmSync(reportFile, { force: true });
  console.log(`\n━━━ ${name} ━━━`);
  const started = Date.now();
  const code = await run(command, args, env);
  const seconds = (Date.now() - started) / 1000;
  const report = readJson(reportFile);
  if (!report) {
    console.error(`${name}: the suite crashed before writing its report (exit code ${code}).`);
    return { name, passed: 0, failed: 1, skipped: 0, seconds, note: 'crashed' };
  }
  const counts = countsFrom(report);
  if (code !== 0 && counts.failed === 0) {
    console.error(`${name}: exited with code ${code} although no test failed; counting it as a failure.`);
    counts.failed = 1;
  }
  return { name, ...counts, seconds };
}

/** Newest modification time of any file below these folders (dist and node_modules excluded). */
function newestMtime(dirs) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return newest;
}

/** Why the build must be (re)made before the browser suite, or undefined when it is current. */
function buildNeeded() {
  const outputs = [path.join(root, 'apps/api/dist/main.js'), path.join(root, 'apps/web/dist/index.html')];
  const missing = outputs.find((f) => !existsSync(f));
  if (missing) return `${path.relative(root, missing)} is missing`;
  const builtAt = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const sources = ['apps/api/src', 'apps/web/src', 'apps/web/public', 'apps/web/index.html', 'libs'];
  const dirs = sources.map((s) => path.join(root, s)).filter((p) => existsSync(p) && statSync(p).isDirectory());
  const files = sources.map((s) => path.join(root, s)).filter((p) => existsSync(p) && statSync(p).isFile());
  const newest = Math.max(newestMtime(dirs), ...files.map((f) => statSync(f).mtimeMs));
  return newest > builtAt ? 'sources changed since the last build' : undefined;
}

const SUITE_LABELS = {
  '@freiraum/api': `API (jest: unit + HTTP integration on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`,
  '@freiraum/web': 'Web (vitest: components)',
};

function listDirs(dir) {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

const results = [];
const notes = [];

// The workspaces' own suites: API first, then the SPA, then any library that has tests (e.g. content).
const workspaces = ['apps/api', 'apps/web', ...listDirs('libs').map((d) => `libs/${d}`)];
for (const dir of workspaces) {
  const pkgFile = path.join(root, dir, 'package.json');
  if (!existsSync(pkgFile)) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const script = pkg.scripts?.test;
  if (!script) continue;
  const reportFile = path.join(resultsDir, `${pkg.name.replace(/^@[^/]+\//, '')}.json`);
  const label = SUITE_LABELS[pkg.name] ?? `${pkg.name} (${script.split(' ')[0]})`;
  if (/\bjest\b/.test(script)) {
    results.push(
      await runSuite(label, 'npm', ['test', '-w', pkg.name, '--', '--json', `--outputFile=${reportFile}`], reportFile),
    );
  } else if (/\bvitest\b/.test(script)) {
    const args = [
      'test',
      '-w',
      pkg.name,
      '--',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
    ];
    results.push(await runSuite(label, 'npm', args, reportFile));
  } else {
    notes.push(`${pkg.name}: its test script is neither jest nor vitest, so its results cannot be counted; not run.`);
  }
}

if (process.env.SKIP_BROWSER === '1') {
  notes.push('Browser suite skipped: SKIP_BROWSER=1.');
} else if (!existsSync(CHROMIUM)) {
  notes.push(`Browser suite skipped: ${CHROMIUM} not found (on Debian: apt-get install chromium).`);
} else {
  const why = buildNeeded();
  let buildOk = true;
  if (why) {
    console.log(`\n━━━ Build for the browser suite (${why}) ━━━`);
    buildOk = (await run('npm', ['run', 'build'])) === 0;
  }
  if (!buildOk) {
    results.push({
      name: 'Browser (build failed)',
      passed: 0,
      failed: 1,
      skipped: 0,
      seconds: 0,
      note: 'build failed',
    });
  } else {
    results.push(
      await runSuite(
        'Browser (vitest + playwright-core + Chromium)',
        'npm',
        [
          'run',
          'test:e2e',
          '-w',
          '@freiraum/web',
          '--',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${path.join(resultsDir, 'browser.json')}`,
        ],
        path.join(resultsDir, 'browser.json'),
      ),
    );
  }
}

const total = results.reduce(
  (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);

console.log('\n━━━ Summary ━━━');
for (const r of results) {
  const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
  const note = r.note ? ` [${r.note}]` : '';
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed${skipped} (${r.seconds.toFixed(1)} s)${note}`);
}
for (const note of notes) console.log(note);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 ? 1 : 0;
