import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobLeaseRepository } from './job-lease.repository.js';
import { JobRunner } from './job-runner.js';

@Module({
  imports: [DiscoveryModule],
  providers: [JobRunner, JobLeaseRepository],
  exports: [JobRunner],
})
export class JobsModule {}
