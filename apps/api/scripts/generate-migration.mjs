// Builds the API, then runs the migration generator from dist (see src/cli/generate-migration.ts).
import { execFileSync } from 'node:child_process';
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(process.execPath, ['dist/cli/generate-migration.js', ...process.argv.slice(2)], { stdio: 'inherit' });
