import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL used in e-mailed links. */
  APP_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  /** Folder of the embedded PGlite database when DATABASE_URL is unset. */
  // npm runs workspace scripts inside apps/api; INIT_CWD is where npm was started (the repo root).
  DATA_DIR: z.string().default(path.resolve(process.env.INIT_CWD ?? process.cwd(), '.data')),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Freiraum <no-reply@freiraum.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo organisation into an empty embedded database on start. */
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  JOBS_ENABLED: z.enum(['true', 'false']).default('true'),
  WEB_DIST: z.string().optional(),
  /** Learning content folder (default: the shipped libs/content/content). */
  CONTENT_DIR: z.string().optional(),
  CONTENT_IMPORT_ON_START: z.enum(['true', 'false']).default('true'),
  /** Which proxies may set X-Forwarded-For: false (default), true, or comma-separated addresses/CIDRs. */
  TRUST_PROXY: z.string().default('false'),
});

export interface AppConfig {
  env: string;
  port: number;
  host: string;
  appUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  seedDemo: 'auto' | 'never';
  jobsEnabled: boolean;
  webDist: string | undefined;
  contentDir: string | undefined;
  contentImportOnStart: boolean;
  trustProxy: boolean | string[];
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.JWT_SECRET) throw new Error('Invalid configuration:\n  JWT_SECRET: required in production');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.DATA_DIR,
    // Outside production a random secret is fine: sessions end on restart, nothing else depends on it.
    jwtSecret: e.JWT_SECRET ?? randomBytes(48).toString('hex'),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    jobsEnabled: e.JOBS_ENABLED === 'true',
    webDist: e.WEB_DIST,
    contentDir: e.CONTENT_DIR,
    contentImportOnStart: e.CONTENT_IMPORT_ON_START === 'true',
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    ...overrides,
  };
}

function parseTrustProxy(value: string): boolean | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}
