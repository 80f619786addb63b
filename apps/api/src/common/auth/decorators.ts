import { createParamDecorator, type ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import type { Role } from '@freiraum/contracts';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'freiraum:public';
export const REQUIRED_ROLES = 'freiraum:roles';

/** Route needs no sign-in. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Route needs at least one of these roles (checked after sign-in). Services still check whose data. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiResponse({ status: 403, description: `Requires one of the roles: ${roles.join(', ')}` }),
  );

/** Marks a controller as needing a bearer token in the OpenAPI document. */
export const Authenticated = () =>
  applyDecorators(ApiBearerAuth(), ApiResponse({ status: 401, description: 'Not signed in' }));

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const request = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  return request.user!;
});
