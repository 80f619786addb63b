import { Module } from '@nestjs/common';
import { ActivityService } from '../activity/activity.service.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesService } from './certificates.service.js';

@Module({
  controllers: [CertificatesController],
  providers: [CertificatesService, ActivityService],
  exports: [CertificatesService],
})
export class CertificatesModule {}
