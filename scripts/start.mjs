// `npm start`: builds whatever is not built yet, then runs the API, which also serves the built web app,
// on one port (PORT, default 3000). Without DATABASE_URL it uses the embedded database in ./.data and seeds
// the demo organisation on its first start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const say = (message) => console.log(`[start] ${message}`);

function build(workspace, dir, output) {
  // Output missing means any incremental build info is stale: with it, tsc would skip emitting.
  for (const file of readdirSync(at(dir))) if (file.endsWith('.tsbuildinfo')) rmSync(at(dir, file));
  say(`building ${workspace} …`);
  const started = Date.now();
  const result = spawnSync(npm, ['run', 'build', '-w', workspace], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(
      `[start] building ${workspace} failed (exit ${result.status ?? result.signal}); see the output above.`,
    );
    process.exit(1);
  }
  if (!existsSync(at(dir, output))) {
    console.error(`[start] building ${workspace} did not produce ${path.join(dir, output)}.`);
    process.exit(1);
  }
  say(`built ${workspace} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const readPackage = (dir) => JSON.parse(readFileSync(at(dir, 'package.json'), 'utf8'));

/** The shared libraries (libs/*) with a build, dependencies before dependents. */
function libraries() {
  const libs = readdirSync(at('libs'))
    .filter((name) => existsSync(at('libs', name, 'package.json')))
    .map((name) => ({ dir: path.join('libs', name), pkg: readPackage(path.join('libs', name)) }))
    .filter((lib) => lib.pkg.scripts?.build);
  const ordered = [];
  const visit = (lib, seen = new Set()) => {
    if (ordered.includes(lib) || seen.has(lib)) return;
    seen.add(lib);
    const deps = Object.keys({ ...lib.pkg.dependencies, ...lib.pkg.devDependencies });
    for (const dep of libs.filter((other) => deps.includes(other.pkg.name))) visit(dep, seen);
    ordered.push(lib);
  };
  libs.forEach((lib) => visit(lib));
  return ordered;
}

// Only what is missing is built; after pulling new code, run `npm run build` to rebuild everything.
for (const lib of libraries()) {
  const output = lib.pkg.main ?? 'dist/index.js';
  if (!existsSync(at(lib.dir, output))) build(lib.pkg.name, lib.dir, output);
}
if (!existsSync(at('apps/api/dist/main.js'))) build('@freiraum/api', 'apps/api', 'dist/main.js');
if (!existsSync(at('apps/web/dist/index.html'))) {
  const web = readPackage('apps/web');
  if (web.scripts?.build && existsSync(at('apps/web/index.html')))
    build('@freiraum/web', 'apps/web', 'dist/index.html');
  else
    console.warn(
      '[start] warning: the web app has no build yet; serving the API only (http://localhost:3000/api/docs).',
    );
}

// The child gets its own process group (except on Windows) so a Ctrl+C reaches it exactly once, from
// here: a second SIGINT during shutdown would cut the embedded database's close short.
const child = spawn(process.execPath, ['--enable-source-maps', at('apps/api/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  detached: process.platform !== 'win32',
});

let forwarded = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (forwarded) return;
    forwarded = true;
    child.kill(signal);
  });
}

child.on('error', (err) => {
  console.error(`[start] could not start the API: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
});
