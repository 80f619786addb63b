import { Injectable } from '@nestjs/common';
import type { AuditList } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Tx } from '../database/transaction.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';

/** Reading the audit log (writing is AuditService.record, inside each use case's transaction). */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly tx: Tx,
    private readonly repo: AuditRepository,
  ) {}

  list(actor: AuthUser, filter: AuditFilter): Promise<AuditList> {
    return this.repo.list(this.tx.manager, actor.organizationId, filter);
  }
}
