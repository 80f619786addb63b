import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '@freiraum/contracts';
import { DomainError, ERROR_STATUS } from '../errors/domain-error.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODE_FOR_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** The one place where errors become HTTP responses; no stack trace ever leaves the server. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const { status, body, headers } = this.toResponse(exception);
    const full: ErrorBody = { ...body, statusCode: status, error: STATUS_TEXT[status] ?? 'Error', requestId: String(request.id) };
    if (status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    for (const [k, v] of Object.entries(headers ?? {})) void reply.header(k, v);
    void reply.status(status).send(full);
  }

  private toResponse(exception: unknown): {
    status: number;
    body: Pick<ErrorBody, 'code' | 'message' | 'details'>;
    headers?: Record<string, string>;
  } {
    if (exception instanceof DomainError) {
      return {
        status: ERROR_STATUS[exception.code],
        body: { code: exception.code, message: exception.message, details: exception.details },
        headers: exception.headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message =
        typeof res === 'string' ? res : Array.isArray((res as { message?: unknown }).message)
          ? ((res as { message: string[] }).message).join('; ')
          : String((res as { message?: unknown }).message ?? exception.message);
      return { status, body: { code: CODE_FOR_STATUS[status] ?? 'error', message } };
    }
    // Fastify's own errors (body too large, bad JSON, wrong content type) carry a statusCode.
    const fastifyLike = exception as { statusCode?: number; message?: string; code?: string };
    if (typeof fastifyLike?.statusCode === 'number' && fastifyLike.statusCode >= 400 && fastifyLike.statusCode < 500) {
      return {
        status: fastifyLike.statusCode,
        body: { code: CODE_FOR_STATUS[fastifyLike.statusCode] ?? 'bad_request', message: fastifyLike.message ?? 'Bad request' },
      };
    }
    const pg = (exception as { driverError?: PgError })?.driverError;
    if (pg?.code === '23505') {
      return { status: 409, body: { code: 'conflict', message: 'A record with these values already exists' } };
    }
    if (pg?.code === '23514' && pg.constraint === 'CK_freiraum_allocations_within_budget') {
      // The database's backstop (ADR 0011); the service normally refuses earlier with the exact hours.
      return { status: 409, body: { code: 'conflict', message: 'Pending and approved hours would exceed the Freiraum allocation' } };
    }
    if (pg?.code === '23503') {
      return { status: 409, body: { code: 'conflict', message: 'A referenced record does not exist or is still in use' } };
    }
    return { status: 500, body: { code: 'internal_error', message: 'Something went wrong on our side' } };
  }
}
