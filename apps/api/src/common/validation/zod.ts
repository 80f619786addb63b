import {
  applyDecorators,
  Body,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  Param,
  type PipeTransform,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import { z, type ZodType } from 'zod';
import { DomainError, type FieldIssue } from '../errors/domain-error.js';

// Zod schemas from @freiraum/contracts are the one source for validation, TypeScript types and the
// OpenAPI document (ADR 0002). These decorators wire a schema into all three.

type Source = 'body' | 'query' | 'param';

export function issuesOf(error: z.ZodError, source: Source, root?: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      return { field: [path, issue.keys.join(',')].filter(Boolean).join('.'), message: 'is not an allowed field' };
    }
    if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
    return { field: path || root || source, message };
  });
}

export class ZodValidationPipe implements PipeTransform {
  constructor(
    private readonly schema: ZodType,
    private readonly source: Source,
    private readonly root?: string,
  ) {}

  transform(value: unknown): unknown {
    // Fastify leaves the body undefined for an empty request; validate it as an empty object.
    const input = this.source === 'body' && (value === undefined || value === null) ? {} : value;
    const result = this.schema.safeParse(input);
    if (result.success) return result.data;
    const details = issuesOf(result.error, this.source, this.root);
    const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    throw new DomainError('validation_failed', `Invalid ${this.source}: ${summary}`, details);
  }
}

export function toOpenApi(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** Validated request body; also documents it in OpenAPI. */
export function ZodBody(schema: ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema, 'body'))(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    ApiBody({ schema: toOpenApi(schema, 'input') })(target, key!, descriptor);
  };
}

/** Validated query string (an object schema); each property becomes an OpenAPI query parameter. */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    const json = toOpenApi(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: prop })(target, key!, descriptor);
    }
  };
}

/** A validated path parameter, e.g. `@ZodParam('id', uuid) id: string`. */
export function ZodParam(name: string, schema: ZodType): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new ZodValidationPipe(schema, 'param', name))(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    ApiParam({ name, schema: toOpenApi(schema, 'input') })(target, key!, descriptor);
  };
}

@Injectable()
class ResponseShapeInterceptor implements NestInterceptor {
  constructor(private readonly schema: ZodType) {}
  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Parsing the output strips every field the contract does not name, so nothing leaks by accident.
    return next.handle().pipe(map((value) => this.schema.parse(value)));
  }
}

/** Documents the response and strips it to the contract. */
export function ZodResponse(schema: ZodType, status = 200, description = 'OK') {
  return applyDecorators(
    ApiResponse({ status, description, schema: toOpenApi(schema, 'output') }),
    UseInterceptors(new ResponseShapeInterceptor(schema)),
  );
}
