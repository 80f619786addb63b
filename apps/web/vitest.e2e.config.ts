import { defineConfig } from 'vitest/config';

// Browser tests: vitest drives Debian Chromium through playwright-core against the REAL built server,
// started once by the global setup. One file at a time: they share that server and its demo data.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
    maxWorkers: 1,
    // A failed journey leaves no half state worth retrying; screenshots say what happened.
    retry: 0,
  },
});
