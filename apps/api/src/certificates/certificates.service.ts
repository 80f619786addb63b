import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CertificateSummary, CertificateVerification } from '@freiraum/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { notFound } from '../common/errors/domain-error.js';
import { Tx } from '../database/transaction.js';
import { ActivityService } from '../activity/activity.service.js';
import { Certificate } from './certificate.entity.js';
import { renderCertificatePdf } from './certificate-pdf.js';

// Crockford's base32 without look-alikes (no I, L, O, U).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const newCertificateCode = () =>
  `FR-${Array.from({ length: 8 }, (_, i) => (i === 4 ? '-' : '') + ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

@Injectable()
export class CertificatesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly activity: ActivityService,
  ) {}

  /**
   * After a module completes: every offered path that contains it and is now complete for the learner
   * yields a certificate (once). Runs in the caller's transaction.
   */
  async issueForCompletedPaths(em: EntityManager, user: Pick<AuthUser, 'id' | 'organizationId'>, moduleId: string): Promise<string[]> {
    const complete: { id: string; version: string }[] = await em.query(
      `SELECT p.id, p.version FROM learning_paths p
         JOIN tracks t ON t.slug = p.track_slug AND t.organization_id = $2 AND t.enabled
        WHERE p.retired_at IS NULL
          AND EXISTS (SELECT 1 FROM learning_path_modules x WHERE x.path_id = p.id AND x.module_id = $3)
          AND NOT EXISTS (
            SELECT 1 FROM learning_path_modules pm
             WHERE pm.path_id = p.id
               AND NOT EXISTS (SELECT 1 FROM module_completions c WHERE c.user_id = $1 AND c.module_id = pm.module_id))`,
      [user.id, user.organizationId, moduleId],
    );
    const issued: string[] = [];
    for (const path of complete) {
      const result = await em
        .createQueryBuilder()
        .insert()
        .into(Certificate)
        .values({ organizationId: user.organizationId, userId: user.id, pathId: path.id, pathVersion: path.version, code: newCertificateCode(), completedAt: this.clock.now() })
        .orIgnore()
        .returning('code')
        .execute();
      const code = (result.raw as { code: string }[])[0]?.code;
      if (!code) continue;
      issued.push(code);
      await this.activity.record(em, { organizationId: user.organizationId, userId: user.id, verb: 'path.completed', objectType: 'learning_path', objectId: path.id, data: { certificate: code } });
    }
    return issued;
  }

  async mine(user: AuthUser): Promise<{ items: CertificateSummary[] }> {
    const rows = await this.tx.manager.query(
      `SELECT c.code, c.completed_at, p.slug, p.title FROM certificates c JOIN learning_paths p ON p.id = c.path_id
        WHERE c.user_id = $1 AND c.organization_id = $2 ORDER BY c.completed_at DESC`,
      [user.id, user.organizationId],
    );
    return {
      items: rows.map((r: { code: string; completed_at: Date; slug: string; title: { de: string; en: string } }) => ({
        code: r.code,
        pathSlug: r.slug,
        pathTitle: r.title,
        completedAt: new Date(r.completed_at).toISOString(),
        verifyUrl: this.verifyUrl(r.code),
      })),
    };
  }

  /** The holder downloads their own certificate. */
  async pdf(user: AuthUser, code: string, language: 'de' | 'en'): Promise<Buffer> {
    const row = await this.details(code);
    if (!row || row.user_id !== user.id) throw notFound('Certificate');
    return renderCertificatePdf({
      holderName: `${row.first_name} ${row.last_name}`,
      pathTitle: row.title[language],
      organizationName: row.organization_name,
      completedAt: new Date(row.completed_at),
      timeZone: row.time_zone,
      code: row.code,
      verifyUrl: this.verifyUrl(row.code),
      language,
    });
  }

  /** Public: confirms a certificate. The name is shown only while the holder's account exists unerased. */
  async verify(code: string): Promise<CertificateVerification> {
    const row = await this.details(code);
    if (!row) throw notFound('Certificate');
    const erased = row.erased;
    return {
      valid: true,
      code: row.code,
      holderName: erased ? null : `${row.first_name} ${row.last_name}`,
      pathTitle: row.title,
      organizationName: row.organization_name,
      completedAt: new Date(row.completed_at).toISOString(),
    };
  }

  private async details(code: string) {
    if (!/^FR-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code)) return null;
    const rows = await this.tx.manager.query(
      `SELECT c.code, c.user_id, c.completed_at, p.title, u.first_name, u.last_name,
              (u.id IS NULL OR u.email LIKE 'erased-%') AS erased,
              o.name AS organization_name, o.time_zone
         FROM certificates c
         JOIN learning_paths p ON p.id = c.path_id
         JOIN organizations o ON o.id = c.organization_id
         LEFT JOIN users u ON u.id = c.user_id
        WHERE c.code = $1`,
      [code],
    );
    return rows[0] as
      | { code: string; user_id: string; completed_at: Date; title: { de: string; en: string }; first_name: string; last_name: string; erased: boolean; organization_name: string; time_zone: string }
      | undefined;
  }

  private verifyUrl(code: string): string {
    return `${this.config.appUrl}/verify/${code}`;
  }
}
