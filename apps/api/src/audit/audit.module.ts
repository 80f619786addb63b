import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditRepository } from './audit.repository.js';

// AuditService (writing) is provided globally by CoreModule; this module serves the log to admins.
@Module({ controllers: [AuditController], providers: [AuditQueryService, AuditRepository] })
export class AuditModule {}
