import type { BreakdownRow, Figure, GroupFigures, HrDashboard } from '@freiraum/contracts';

/** A shown figure. */
export const v = (value: number): Figure => ({ value, suppressed: null });
/** Fewer people than the threshold. */
export const small = (): Figure => ({ value: null, suppressed: 'small_group' });
/** Hidden so a small group cannot be worked out by subtraction. */
export const hidden = (): Figure => ({ value: null, suppressed: 'complementary' });

export const DEPT_SALES = '30000000-0000-4000-8000-000000000001';
export const DEPT_ADMIN = '30000000-0000-4000-8000-000000000002';
export const DEPT_TRANSLATION = '30000000-0000-4000-8000-000000000003';
export const TRACK_SALES = '31000000-0000-4000-8000-000000000001';
export const TRACK_ADMIN = '31000000-0000-4000-8000-000000000002';
export const TRACK_LEADERSHIP = '31000000-0000-4000-8000-000000000003';

export function buildGroupFigures(overrides: Partial<GroupFigures> = {}): GroupFigures {
  return {
    enrolled: v(20),
    active: v(14),
    completionRate: v(0.55),
    modulesCompleted: v(31),
    freiraumAllocated: v(80),
    freiraumApproved: v(52),
    freiraumUsed: v(40),
    experimentsShared: v(9),
    outcomeWorked: v(5),
    outcomePartly: v(2),
    outcomeFailed: v(2),
    minutesSaved: v(600),
    ...overrides,
  };
}

const allSmall = (): GroupFigures =>
  Object.fromEntries(Object.keys(buildGroupFigures()).map((k) => [k, small()])) as unknown as GroupFigures;

const row = (id: string | null, name: string, figures: GroupFigures): BreakdownRow => ({ id, name, figures });

/**
 * A realistic organisation (Muster Maschinenbau) for March 2026: 48 people with a learning path, three
 * departments of which Übersetzung is below the threshold, and the failed experiments too few to show, so one
 * more outcome is hidden to keep them from being worked out by subtraction.
 */
export function buildHrDashboard(overrides: Partial<HrDashboard> = {}): HrDashboard {
  return {
    range: { from: '2026-03-01', to: '2026-03-31', today: '2026-03-31', timeZone: 'Europe/Berlin' },
    filters: { departmentId: null, trackId: null },
    privacyThreshold: 5,
    totals: buildGroupFigures({
      enrolled: v(48),
      active: v(31),
      completionRate: v(0.62),
      modulesCompleted: v(87),
      freiraumAllocated: v(192),
      freiraumApproved: v(126.5),
      freiraumUsed: v(98),
      experimentsShared: v(23),
      outcomeWorked: v(16),
      outcomePartly: hidden(),
      outcomeFailed: small(),
      minutesSaved: v(1530),
    }),
    approvals: {
      decided: v(40),
      leadTimeMedianHours: v(18.5),
      leadTimeP90Hours: v(52.8),
      rejectionRate: v(0.125),
    },
    leadership: {
      managers: v(8),
      activeInOwnPath: v(0.75),
      loggedOwnExperiments: v(0.5),
      medianDecisionHours: v(20),
    },
    funnel: [
      {
        pathId: '40000000-0000-4000-8000-000000000001',
        pathSlug: 'sales',
        titleDe: 'KI im Vertrieb',
        titleEn: 'AI in sales',
        enrolled: v(22),
        modules: [
          {
            moduleId: '41000000-0000-4000-8000-000000000001',
            slug: 'ki-grundlagen',
            titleDe: 'KI-Grundlagen',
            titleEn: 'AI basics',
            started: v(21),
            completed: v(18),
          },
          {
            moduleId: '41000000-0000-4000-8000-000000000002',
            slug: 'angebote-mit-ki',
            titleDe: 'Angebote mit KI',
            titleEn: 'Offers with AI',
            started: v(15),
            completed: v(9),
          },
          {
            moduleId: '41000000-0000-4000-8000-000000000003',
            slug: 'kundenmails',
            titleDe: 'Kundenmails prüfen',
            titleEn: 'Checking customer e-mails',
            started: v(7),
            completed: small(),
          },
        ],
      },
      {
        pathId: '40000000-0000-4000-8000-000000000002',
        pathSlug: 'leadership',
        titleDe: 'KI-Wandel führen',
        titleEn: 'Leading the AI change',
        enrolled: v(8),
        modules: [
          {
            moduleId: '41000000-0000-4000-8000-000000000001',
            slug: 'ki-grundlagen',
            titleDe: 'KI-Grundlagen',
            titleEn: 'AI basics',
            started: v(8),
            completed: v(6),
          },
          {
            moduleId: '41000000-0000-4000-8000-000000000004',
            slug: 'freiraum-geben',
            titleDe: 'Freiraum geben',
            titleEn: 'Granting Freiraum',
            started: v(6),
            completed: small(),
          },
        ],
      },
    ],
    byDepartment: [
      row(
        DEPT_SALES,
        'Vertrieb',
        buildGroupFigures({
          enrolled: v(24),
          active: v(17),
          completionRate: v(0.58),
          modulesCompleted: v(41),
          freiraumAllocated: v(96),
          freiraumApproved: v(70),
          freiraumUsed: v(55.5),
          experimentsShared: v(13),
          outcomeWorked: v(9),
          outcomePartly: hidden(),
          outcomeFailed: small(),
          minutesSaved: v(840),
        }),
      ),
      row(
        DEPT_ADMIN,
        'Verwaltung',
        buildGroupFigures({
          enrolled: v(20),
          active: v(12),
          completionRate: v(0.7),
          modulesCompleted: hidden(),
          freiraumAllocated: v(80),
          freiraumApproved: v(50.5),
          freiraumUsed: v(39),
          experimentsShared: v(7),
          outcomeWorked: v(7),
          outcomePartly: small(),
          outcomeFailed: small(),
          minutesSaved: v(600),
        }),
      ),
      row(DEPT_TRANSLATION, 'Übersetzung', allSmall()),
    ],
    // The API names tracks in German; the page shows them in the reader's language.
    byTrack: [
      row(TRACK_SALES, 'Vertrieb', buildGroupFigures({ enrolled: v(22), active: v(16) })),
      row(TRACK_ADMIN, 'Verwaltung', buildGroupFigures({ enrolled: v(18), active: v(11) })),
      row(TRACK_LEADERSHIP, 'Führung', buildGroupFigures({ enrolled: v(8), active: v(6), outcomeFailed: small() })),
      // People without a track; the API names such a row "—".
      row(null, '—', allSmall()),
    ],
    trends: [
      {
        week: '2026-W09',
        weekStart: '2026-02-23',
        active: small(),
        modulesCompleted: small(),
        freiraumApprovedHours: hidden(),
        experimentsLogged: small(),
      },
      {
        week: '2026-W10',
        weekStart: '2026-03-02',
        active: v(18),
        modulesCompleted: v(14),
        freiraumApprovedHours: v(22.5),
        experimentsLogged: v(5),
      },
      {
        week: '2026-W11',
        weekStart: '2026-03-09',
        active: v(24),
        modulesCompleted: v(21),
        freiraumApprovedHours: v(30),
        experimentsLogged: v(6),
      },
      {
        week: '2026-W12',
        weekStart: '2026-03-16',
        active: v(27),
        modulesCompleted: v(25),
        freiraumApprovedHours: v(36),
        experimentsLogged: v(7),
      },
      {
        week: '2026-W13',
        weekStart: '2026-03-23',
        active: v(29),
        modulesCompleted: v(27),
        freiraumApprovedHours: v(38),
        experimentsLogged: small(),
      },
    ],
    ...overrides,
  };
}
