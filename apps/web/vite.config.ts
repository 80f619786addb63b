import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The SPA compiles the shared contracts from source, so `npm run dev` needs no contracts build.
const contracts = fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url));

// recharts and the packages only it depends on.
const CHARTS =
  /node_modules[\\/](recharts|victory-vendor|d3-[\w-]+|internmap|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|clsx|use-sync-external-store)[\\/]/;

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@freiraum/contracts': contracts } },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // Libraries change rarely: one long-cached vendor file; the app's own code splits by route.
      // The charting library (recharts and what only it uses) is a file of its own, loaded with the HR dashboard
      // only: the vendor group leaves it out, so the app's start does not wait for it.
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: (id: string) => /node_modules/.test(id) && !CHARTS.test(id) },
            { name: 'charts', test: CHARTS },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    // Whole-app tests type like a person does; give them room on a slow CI machine.
    testTimeout: 20_000,
  },
});
