import { Module } from '@nestjs/common';
import { HrDashboardController } from './hr-dashboard.controller.js';
import { HrDashboardService } from './hr-dashboard.service.js';
import { PlainCellSource } from './plain-cell-source.js';
import { RollupCellSource } from './rollup-cell-source.js';
import { RollupsOnStart } from './rollups-on-start.js';

@Module({
  controllers: [HrDashboardController],
  providers: [HrDashboardService, RollupCellSource, PlainCellSource, RollupsOnStart],
  exports: [HrDashboardService, PlainCellSource, RollupCellSource],
})
export class DashboardsModule {}
