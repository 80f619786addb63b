import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Figure, GroupFigures, HrDashboard, HrDashboardQuery } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { badField } from '../common/errors/domain-error.js';
import { toExcelCsv, type CsvCell } from '../common/http/excel-csv.js';
import { Tx } from '../database/transaction.js';
import { Organization } from '../organizations/organization.entity.js';
import { localDate, periodOf } from '../freiraum/freiraum.policy.js';
import { assembleHrDashboard, type Reference } from './hr-dashboard.assemble.js';
import type { HrCellSource, HrScope } from './hr-cells.js';
import { addDays, defaultRange } from './metrics.policy.js';
import { RollupCellSource } from './rollup-cell-source.js';

type Lang = 'de' | 'en';
export type CsvTable = 'departments' | 'tracks' | 'funnel' | 'trends' | 'summary';

// The HR dashboard (PRODUCT.md §4, §6): cells from the read models, assembled with suppression.
@Injectable()
export class HrDashboardService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly rollups: RollupCellSource,
  ) {}

  async dashboard(user: AuthUser, query: HrDashboardQuery, source: HrCellSource = this.rollups): Promise<HrDashboard> {
    return this.build(this.tx.manager, user.organizationId, query, source);
  }

  /** Also used by the equivalence test and the benchmark with the plain source. */
  async build(em: EntityManager, organizationId: string, query: HrDashboardQuery, source: HrCellSource): Promise<HrDashboard> {
    // Independent reads, side by side on the pool.
    const [org, ref] = await Promise.all([em.findOneByOrFail(Organization, { id: organizationId }), this.reference(em, organizationId)]);
    const today = localDate(this.clock.now(), org.timeZone);
    const range = query.from || query.to ? { from: query.from ?? addDays(query.to!, -29), to: query.to ?? today } : defaultRange(today);
    if (range.from > range.to) throw badField('from', 'must not be after to');
    if (query.departmentId && !ref.departments.some((d) => d.id === query.departmentId)) throw badField('departmentId', 'is not a department of your organisation');
    if (query.trackId && !ref.tracks.some((t) => t.id === query.trackId)) throw badField('trackId', 'is not a track of your organisation');
    const scope: HrScope = {
      organizationId,
      from: range.from,
      to: range.to,
      today,
      timeZone: org.timeZone,
      periodKeys: periodKeys(range.from, range.to, org.freiraumPeriodKind),
      defaultHours: Number(org.freiraumDefaultHours),
      departmentId: query.departmentId ?? null,
      trackId: query.trackId ?? null,
    };
    const cells = await source.load(em, scope);
    return assembleHrDashboard(cells, scope, ref, org.privacyThreshold);
  }

  async csv(user: AuthUser, table: CsvTable, lang: Lang, query: HrDashboardQuery): Promise<{ fileName: string; body: string }> {
    const d = await this.dashboard(user, query);
    const t = TEXT[lang];
    const cell = (f: Figure): CsvCell => (f.suppressed === 'small_group' ? t.fewer(d.privacyThreshold) : f.suppressed ? t.hidden : f.value);
    const groupRow = (name: string, g: GroupFigures): CsvCell[] => [name, ...GROUP_KEYS.map((k) => cell(g[k]))];
    const rows: CsvCell[][] = [];
    if (table === 'departments' || table === 'tracks') {
      rows.push([table === 'departments' ? t.department : t.track, ...GROUP_KEYS.map((k) => t.figures[k])]);
      for (const r of table === 'departments' ? d.byDepartment : d.byTrack) rows.push(groupRow(r.name, r.figures));
      rows.push(groupRow(t.total, d.totals));
    } else if (table === 'funnel') {
      rows.push([t.path, t.module, t.started, t.completed]);
      for (const p of d.funnel) for (const m of p.modules) rows.push([lang === 'de' ? p.titleDe : p.titleEn, lang === 'de' ? m.titleDe : m.titleEn, cell(m.started), cell(m.completed)]);
    } else if (table === 'trends') {
      rows.push([t.week, t.weekStart, t.figures.active, t.figures.modulesCompleted, t.approvedHours, t.logged]);
      for (const w of d.trends) rows.push([w.week, w.weekStart, cell(w.active), cell(w.modulesCompleted), cell(w.freiraumApprovedHours), cell(w.experimentsLogged)]);
    } else {
      rows.push([t.figure, t.value]);
      for (const k of GROUP_KEYS) rows.push([t.figures[k], cell(d.totals[k])]);
      rows.push([t.decided, cell(d.approvals.decided)], [t.leadMedian, cell(d.approvals.leadTimeMedianHours)], [t.leadP90, cell(d.approvals.leadTimeP90Hours)]);
      rows.push([t.rejectionRate, cell(d.approvals.rejectionRate)], [t.managers, cell(d.leadership.managers)], [t.ownPath, cell(d.leadership.activeInOwnPath)]);
      rows.push([t.ownExperiments, cell(d.leadership.loggedOwnExperiments)], [t.decisionMedian, cell(d.leadership.medianDecisionHours)]);
    }
    return { fileName: `freiraum-hr-${table}-${d.range.from}-${d.range.to}.csv`, body: toExcelCsv(rows, lang === 'de') };
  }

  private async reference(em: EntityManager, organizationId: string): Promise<Reference> {
    const [departments, tracks, paths] = await Promise.all([
      em.query(`SELECT id, name FROM departments WHERE organization_id = $1 ORDER BY name`, [organizationId]),
      em.query(`SELECT id, slug, name_de AS "nameDe", name_en AS "nameEn" FROM tracks WHERE organization_id = $1 ORDER BY position`, [organizationId]),
      em.query(
        `SELECT p.id, p.slug, p.track_slug AS "trackSlug", p.title->>'de' AS "titleDe", p.title->>'en' AS "titleEn",
                coalesce(json_agg(json_build_object('id', m.id, 'slug', m.slug, 'titleDe', m.title->>'de', 'titleEn', m.title->>'en') ORDER BY pm.position)
                         FILTER (WHERE m.id IS NOT NULL), '[]') AS modules
           FROM learning_paths p
           JOIN tracks t ON t.slug = p.track_slug AND t.organization_id = $1 AND t.enabled
           LEFT JOIN learning_path_modules pm ON pm.path_id = p.id
           LEFT JOIN learning_modules m ON m.id = pm.module_id AND m.retired_at IS NULL
          WHERE p.retired_at IS NULL
          GROUP BY p.id, t.position ORDER BY t.position`,
        [organizationId],
      ),
    ]);
    return { departments, tracks, paths };
  }
}

/** Keys of the Freiraum periods (months or quarters) a date range touches. */
export function periodKeys(from: string, to: string, kind: 'month' | 'quarter'): string[] {
  const keys: string[] = [];
  for (let p = periodOf(from, kind); p.start <= to; p = periodOf(p.end, kind)) keys.push(p.key);
  return keys;
}

const GROUP_KEYS = [
  'enrolled',
  'active',
  'completionRate',
  'modulesCompleted',
  'freiraumAllocated',
  'freiraumApproved',
  'freiraumUsed',
  'experimentsShared',
  'outcomeWorked',
  'outcomePartly',
  'outcomeFailed',
  'minutesSaved',
] as const satisfies readonly (keyof GroupFigures)[];

const TEXT = {
  de: {
    fewer: (k: number) => `weniger als ${k}`,
    hidden: 'verborgen (Schutz kleiner Gruppen)',
    department: 'Abteilung',
    track: 'Lernpfad',
    total: 'Gesamt',
    path: 'Lernpfad',
    module: 'Modul',
    started: 'Begonnen',
    completed: 'Abgeschlossen',
    week: 'Kalenderwoche',
    weekStart: 'Wochenbeginn',
    approvedHours: 'Freiraum genehmigt (Std.)',
    logged: 'Experimente dokumentiert',
    figure: 'Kennzahl',
    value: 'Wert',
    decided: 'Entschiedene Anträge',
    leadMedian: 'Bearbeitungszeit Median (Std.)',
    leadP90: 'Bearbeitungszeit 90. Perzentil (Std.)',
    rejectionRate: 'Ablehnungsquote',
    managers: 'Führungskräfte',
    ownPath: 'Führungskräfte aktiv im eigenen Pfad (Anteil)',
    ownExperiments: 'Führungskräfte mit eigenen Experimenten (Anteil)',
    decisionMedian: 'Entscheidungszeit Führungskräfte Median (Std.)',
    figures: {
      enrolled: 'Eingeschrieben',
      active: 'Aktiv',
      completionRate: 'Abschlussquote',
      modulesCompleted: 'Module abgeschlossen',
      freiraumAllocated: 'Freiraum zugeteilt (Std.)',
      freiraumApproved: 'Freiraum genehmigt (Std.)',
      freiraumUsed: 'Freiraum genutzt (Std.)',
      experimentsShared: 'Experimente geteilt',
      outcomeWorked: 'Ergebnis: hat geklappt',
      outcomePartly: 'Ergebnis: teilweise',
      outcomeFailed: 'Ergebnis: gescheitert',
      minutesSaved: 'Geschätzte Zeitersparnis (Min.)',
    },
  },
  en: {
    fewer: (k: number) => `fewer than ${k}`,
    hidden: 'hidden (protects a small group)',
    department: 'Department',
    track: 'Track',
    total: 'Total',
    path: 'Learning path',
    module: 'Module',
    started: 'Started',
    completed: 'Completed',
    week: 'Week',
    weekStart: 'Week starting',
    approvedHours: 'Freiraum approved (h)',
    logged: 'Experiments logged',
    figure: 'Figure',
    value: 'Value',
    decided: 'Requests decided',
    leadMedian: 'Lead time median (h)',
    leadP90: 'Lead time 90th percentile (h)',
    rejectionRate: 'Rejection rate',
    managers: 'Managers',
    ownPath: 'Managers active in own path (share)',
    ownExperiments: 'Managers logging own experiments (share)',
    decisionMedian: 'Managers’ median decision time (h)',
    figures: {
      enrolled: 'Enrolled',
      active: 'Active',
      completionRate: 'Completion rate',
      modulesCompleted: 'Modules completed',
      freiraumAllocated: 'Freiraum allocated (h)',
      freiraumApproved: 'Freiraum approved (h)',
      freiraumUsed: 'Freiraum used (h)',
      experimentsShared: 'Experiments shared',
      outcomeWorked: 'Outcome: worked',
      outcomePartly: 'Outcome: partly',
      outcomeFailed: 'Outcome: failed',
      minutesSaved: 'Estimated time saved (min)',
    },
  },
} as const;
