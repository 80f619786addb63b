import type { HomeDashboard } from '@freiraum/contracts';

const PATH_ID = 'e0000000-0000-4000-8000-000000000001';

export function buildHomeDashboard(overrides: Partial<HomeDashboard> = {}): HomeDashboard {
  return {
    path: {
      pathId: PATH_ID,
      slug: 'sales',
      titleDe: 'KI im Vertrieb',
      titleEn: 'AI in sales',
      modulesDone: 1,
      modulesTotal: 4,
    },
    nextStep: { moduleSlug: 'prompting', titleDe: 'Gute Prompts', titleEn: 'Good prompts', started: true, minutes: 25 },
    freiraum: {
      period: { key: '2026-11', kind: 'month', start: '2026-11-01', end: '2026-12-01' },
      balance: { allocated: 8, pending: 1.5, approved: 4, used: 2, left: 2.5 },
    },
    recentFeedback: [
      {
        id: 'e1000000-0000-4000-8000-000000000001',
        kind: 'review_revision',
        subject: 'exercise',
        titleDe: 'Selbst ausprobieren',
        titleEn: 'Try it yourself',
        moduleSlug: 'intro',
        passed: null,
        flagStatus: null,
        note: 'Bitte beschreiben Sie die Prüfung genauer.',
        at: '2026-11-17T09:00:00.000Z',
      },
      {
        id: 'e1000000-0000-4000-8000-000000000002',
        kind: 'flag',
        subject: 'journal_entry',
        titleDe: 'Angebot mit neuem Werkzeug',
        titleEn: 'Angebot mit neuem Werkzeug',
        moduleSlug: null,
        passed: null,
        flagStatus: 'cleared',
        note: 'Daten waren anonymisiert.',
        at: '2026-11-16T09:00:00.000Z',
      },
      {
        id: 'e1000000-0000-4000-8000-000000000003',
        kind: 'graded',
        subject: 'exercise',
        titleDe: 'Kurzer Check',
        titleEn: 'Quick check',
        moduleSlug: 'intro',
        passed: false,
        flagStatus: null,
        note: null,
        at: '2026-11-15T09:00:00.000Z',
      },
    ],
    recentJournal: [
      {
        id: 'e2000000-0000-4000-8000-000000000001',
        goal: 'Protokoll zusammenfassen',
        outcome: 'failed',
        visibility: 'private',
        kudosCount: 0,
        createdAt: '2026-11-16T10:00:00.000Z',
      },
      {
        id: 'e2000000-0000-4000-8000-000000000002',
        goal: 'Angebotsvorlage entwerfen',
        outcome: 'worked',
        visibility: 'team',
        kudosCount: 2,
        createdAt: '2026-11-12T10:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

/** Someone on their first day: a path not started, nothing requested, no feedback, no journal. */
export function buildFirstDay(): HomeDashboard {
  return buildHomeDashboard({
    path: {
      pathId: PATH_ID,
      slug: 'sales',
      titleDe: 'KI im Vertrieb',
      titleEn: 'AI in sales',
      modulesDone: 0,
      modulesTotal: 4,
    },
    nextStep: { moduleSlug: 'intro', titleDe: 'Einführung', titleEn: 'Introduction', started: false, minutes: 20 },
    freiraum: {
      period: { key: '2026-Q4', kind: 'quarter', start: '2026-10-01', end: '2027-01-01' },
      balance: { allocated: 8, pending: 0, approved: 0, used: 0, left: 8 },
    },
    recentFeedback: [],
    recentJournal: [],
  });
}
