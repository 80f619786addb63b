import { Injectable } from '@nestjs/common';
import { PRIVACY_EXPORT_VERSION, type PrivacyExport } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { notFound } from '../common/errors/domain-error.js';
import { Clock } from '../common/time/clock.js';
import { Tx } from '../database/transaction.js';
import { exportFileName } from './privacy-export.policy.js';
import { PrivacyExportRepository } from './privacy-export.repository.js';

/** "Export my data" (PRODUCT.md §6): everything stored about the caller, and nobody else's. */
@Injectable()
export class PrivacyExportService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly repo: PrivacyExportRepository,
  ) {}

  async export(user: AuthUser): Promise<{ fileName: string; data: PrivacyExport }> {
    return this.tx.run(async (em) => {
      // One snapshot for all sections, so the file is consistent even while the person keeps working.
      await em.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { id, organizationId } = user;
      const profile = await this.repo.profile(em, id, organizationId);
      if (!profile) throw notFound('User');
      const [{ timeZone }]: { timeZone: string }[] = await em.query(
        `SELECT time_zone AS "timeZone" FROM organizations WHERE id = $1`,
        [organizationId],
      );
      const now = this.clock.now();
      const data: PrivacyExport = {
        version: PRIVACY_EXPORT_VERSION,
        exportedAt: now.toISOString(),
        profile,
        signIn: await this.repo.signIn(em, id, organizationId),
        notifications: await this.repo.notifications(em, id, organizationId),
        emails: await this.repo.emails(em, id, organizationId),
        learning: await this.repo.learning(em, id, organizationId),
        governance: await this.repo.governance(em, id, organizationId),
        freiraum: await this.repo.freiraum(em, id, organizationId),
        journal: await this.repo.journal(em, id, organizationId),
        activityLog: await this.repo.activityLog(em, id, organizationId),
        auditLog: await this.repo.auditLog(em, id, organizationId),
      };
      return { fileName: exportFileName(now, timeZone), data };
    });
  }
}
