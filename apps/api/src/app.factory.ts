import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { LogController, type FastifyInstance } from 'fastify';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { createRootLogger, PinoNestLogger } from './common/logger.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export function defaultWebDist(): string {
  return path.resolve(here, '../../web/dist');
}

export interface CreateAppOptions extends AppModuleOptions {
  /** Serve the built SPA from this folder (if it exists). */
  webDist?: string;
}

export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const logger = createRootLogger(options.config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Every log line of a request carries its id; a caller's X-Request-Id is kept if sane.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: options.config.logLevel === 'silent' }),
    // The per-IP login limit reads the client address: trust X-Forwarded-For only from known proxies.
    trustProxy: options.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    logger: new PinoNestLogger(logger),
    // Our own JSON and CSV parsers are registered below.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  // Fastify rejects an empty body sent as application/json (STACK.md P11); treat it as no body.
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      const err = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 });
      done(err, undefined);
    }
  });
  // CSV uploads arrive as raw bytes so the server can detect their encoding (UTF-8 or Windows-1252).
  fastify.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
  });

  await app.register(fastifyCookie as never);
  await app.register(fastifyHelmet as never, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  } as never);

  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Freiraum API')
      .setDescription('Role-based AI upskilling with protected experimentation time')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const webDist = options.webDist ?? defaultWebDist();
  if (existsSync(path.join(webDist, 'index.html'))) await serveSpa(app, fastify, webDist);

  await app.init();
  await fastify.ready();
  return app;
}

async function serveSpa(app: NestFastifyApplication, fastify: FastifyInstance, root: string): Promise<void> {
  const indexHtml = readFileSync(path.join(root, 'index.html'), 'utf8');
  await app.register(fastifyStatic as never, {
    root,
    wildcard: false,
    index: false,
    // @fastify/static 10 passes the Fastify reply here (not the raw response): set headers with `header()`.
    setHeaders: (reply: { header: (k: string, v: string) => void }, file: string) => {
      // Vite puts a content hash in every asset name, so assets may be cached for good.
      if (file.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  } as never);
  // Any other GET outside /api is a client-side route: answer with the SPA shell.
  fastify.get('/*', async (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      return reply.status(404).send({
        statusCode: 404,
        error: 'Not Found',
        code: 'not_found',
        message: `Route GET ${request.url.split('?')[0]} not found`,
        requestId: String(request.id),
      });
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  });
  fastify.get('/', async (_request, reply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml));
}
