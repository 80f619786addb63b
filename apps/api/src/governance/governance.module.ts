import { Module } from '@nestjs/common';
import { GovernanceController } from './governance.controller.js';
import { GovernanceRepository } from './governance.repository.js';
import { GovernanceService } from './governance.service.js';

@Module({
  controllers: [GovernanceController],
  providers: [GovernanceService, GovernanceRepository],
  exports: [GovernanceService, GovernanceRepository],
})
export class GovernanceModule {}
