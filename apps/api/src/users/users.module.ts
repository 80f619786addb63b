import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { UsersController } from './users.controller.js';
import { UsersImportService } from './users-import.service.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';
import { UserErasureRepository } from './user-erasure.repository.js';
import { UserErasureService } from './user-erasure.service.js';

// OneTimeTokenService and SessionService come from the global AuthModule; audit and notifications from CoreModule.
@Module({
  imports: [OrganizationsModule],
  controllers: [UsersController],
  providers: [UsersService, UsersImportService, UsersRepository, UserErasureService, UserErasureRepository],
  // Later features hand over a manager's pending work through UsersService.handOverReports.
  exports: [UsersService],
})
export class UsersModule {}
