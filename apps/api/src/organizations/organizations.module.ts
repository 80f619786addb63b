import { Module } from '@nestjs/common';
import { DepartmentsController, OrganizationController, TracksController } from './organizations.controller.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  controllers: [OrganizationController, TracksController, DepartmentsController],
  providers: [OrganizationsService, OrganizationsRepository],
  // The users feature resolves tracks and departments (and creates departments on import) through it.
  exports: [OrganizationsRepository],
})
export class OrganizationsModule {}
