import path from 'node:path';
import { loadAndCheck } from './check.js';
import { DEFAULT_CONTENT_DIR } from './load.js';

// `npm run content:check [dir]`: every problem with file, line and reason; exit 1 when there is any.
const dir = path.resolve(process.argv[2] ?? DEFAULT_CONTENT_DIR);
const { content, problems } = loadAndCheck(dir);
for (const p of problems) console.error(`${path.join(path.relative(process.cwd(), dir), p.file)}:${p.line}: ${p.message}`);
const summary = `${content.paths.length} paths, ${content.modules.length} modules, ${content.lessons.length} lessons, ${content.exercises.length} exercises`;
if (problems.length) {
  console.error(`content:check: ${problems.length} problem(s) in ${summary}`);
  process.exit(1);
}
console.log(`content:check: OK — ${summary}`);
