import 'reflect-metadata';
import { loadConfig } from './config/app-config.js';
import { databaseTargetFromConfig } from './database/database-options.js';
import { createApp } from './app.factory.js';

const config = loadConfig();
const app = await createApp({ config, database: databaseTargetFromConfig(config.databaseUrl, config.dataDir), webDist: config.webDist });
await app.listen({ port: config.port, host: config.host });
app.getHttpAdapter().getInstance().log.info(
  { url: config.appUrl, database: config.databaseUrl ? 'postgresql' : `embedded (${config.dataDir})` },
  'Freiraum is running',
);
