import { Module } from '@nestjs/common';
import { PrivacyExportController } from './privacy-export.controller.js';
import { PrivacyExportRepository } from './privacy-export.repository.js';
import { PrivacyExportService } from './privacy-export.service.js';

// A person's own data: the export (PRODUCT.md §6). Erasure is an admin's use case in users/.
@Module({
  controllers: [PrivacyExportController],
  providers: [PrivacyExportService, PrivacyExportRepository],
})
export class PrivacyModule {}
