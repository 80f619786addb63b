import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
/** Git-ignored: reports, the e2e server log and screenshots of failed browser tests. */
export const RESULTS_DIR = path.join(REPO_ROOT, '.test-results');
export const SCREENSHOT_DIR = path.join(RESULTS_DIR, 'screenshots');
