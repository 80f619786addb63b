import { Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  aiPolicySchema,
  createDepartmentSchema,
  departmentListSchema,
  departmentSchema,
  organizationSettingsSchema,
  trackListSchema,
  trackSchema,
  updateOrganizationSettingsSchema,
  updateTrackSchema,
  uuid,
  type AiPolicy,
  type CreateDepartment,
  type UpdateOrganizationSettings,
  type UpdateTrack,
} from '@freiraum/contracts';
import { Authenticated, CurrentUser, Roles } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodBody, ZodParam, ZodResponse } from '../common/validation/zod.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organization')
@Authenticated()
@Controller('organization')
export class OrganizationController {
  constructor(private readonly service: OrganizationsService) {}

  @Get('settings')
  @Roles('admin')
  @ZodResponse(organizationSettingsSchema)
  getSettings(@CurrentUser() user: AuthUser) {
    return this.service.getSettings(user);
  }

  @Patch('settings')
  @Roles('admin')
  @ZodResponse(organizationSettingsSchema)
  updateSettings(
    @CurrentUser() user: AuthUser,
    @ZodBody(updateOrganizationSettingsSchema) body: UpdateOrganizationSettings,
  ) {
    return this.service.updateSettings(user, body);
  }

  /** Every member may read the rules: lessons show them as "our rules". */
  @Get('ai-policy')
  @ZodResponse(aiPolicySchema)
  getAiPolicy(@CurrentUser() user: AuthUser) {
    return this.service.getAiPolicy(user);
  }

  @Put('ai-policy')
  @Roles('admin')
  @ZodResponse(aiPolicySchema)
  putAiPolicy(@CurrentUser() user: AuthUser, @ZodBody(aiPolicySchema) body: AiPolicy) {
    return this.service.putAiPolicy(user, body);
  }
}

@ApiTags('organization')
@Authenticated()
@Controller('tracks')
export class TracksController {
  constructor(private readonly service: OrganizationsService) {}

  @Get()
  @ZodResponse(trackListSchema)
  list(@CurrentUser() user: AuthUser) {
    return this.service.listTracks(user);
  }

  @Patch(':id')
  @Roles('admin')
  @ZodResponse(trackSchema)
  update(
    @CurrentUser() user: AuthUser,
    @ZodParam('id', uuid) id: string,
    @ZodBody(updateTrackSchema) body: UpdateTrack,
  ) {
    return this.service.updateTrack(user, id, body);
  }
}

@ApiTags('organization')
@Authenticated()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly service: OrganizationsService) {}

  @Get()
  @ZodResponse(departmentListSchema)
  list(@CurrentUser() user: AuthUser) {
    return this.service.listDepartments(user);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin', 'hr')
  @ZodResponse(departmentSchema, 201, 'Created')
  create(@CurrentUser() user: AuthUser, @ZodBody(createDepartmentSchema) body: CreateDepartment) {
    return this.service.createDepartment(user, body);
  }
}
