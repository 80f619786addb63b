import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { Clock } from '../../src/common/time/clock.js';
import { createTestDatabase } from './db.js';

export interface TestApp {
  app: NestFastifyApplication;
  ds: DataSource;
  clock: Clock;
  config: AppConfig;
  /** supertest against the real HTTP server. */
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** Boots the real AppModule on a fresh database of its own. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = new Clock();
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', JOBS_ENABLED: 'false', SEED_DEMO: 'never', CONTENT_IMPORT_ON_START: 'false' },
    // Tests play the proxy: they set X-Forwarded-For to act from different addresses.
    { jwtSecret: 'test-secret-test-secret-test-secret-0123456789', appUrl: 'http://freiraum.test', trustProxy: true, ...overrides },
  );
  const app = await createApp({ config, database: db.target, clock, webDist: '/nonexistent' });
  const ds = app.get(DataSource);
  return {
    app,
    ds,
    clock,
    config,
    http: () => request(app.getHttpServer()),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
