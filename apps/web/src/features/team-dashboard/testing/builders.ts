import type { TeamDashboard } from '@freiraum/contracts';

const LENA = 'd0000000-0000-4000-8000-000000000001';
export const TOM = 'd0000000-0000-4000-8000-000000000002';

type Member = TeamDashboard['members'][number];

export function buildMember(overrides: Partial<Member> = {}): Member {
  return {
    userId: LENA,
    name: 'Lena Hoffmann',
    pathTitleDe: 'KI im Vertrieb',
    pathTitleEn: 'AI in sales',
    modulesDone: 1,
    modulesTotal: 4,
    overdueAssignments: 0,
    lastActiveAt: null,
    freiraum: { allocated: 8, pending: 2, approved: 0, used: 0, left: 6 },
    ...overrides,
  };
}

export function buildTeamDashboard(overrides: Partial<TeamDashboard> = {}): TeamDashboard {
  return {
    period: { key: '2026-11', kind: 'month', start: '2026-11-01', end: '2026-12-01' },
    showsLastActivity: false,
    members: [
      buildMember(),
      buildMember({
        userId: TOM,
        name: 'Tom Weber',
        pathTitleDe: null,
        pathTitleEn: null,
        modulesDone: 0,
        modulesTotal: 0,
        overdueAssignments: 2,
        freiraum: { allocated: 8, pending: 0, approved: 3, used: 1, left: 5 },
      }),
    ],
    pendingApprovals: 1,
    pendingReviews: 3,
    openFlags: 0,
    freiraum: { allocated: 16, pending: 2, approved: 3, used: 1, left: 11 },
    own: {
      pathSlug: 'leadership',
      pathTitleDe: 'Führen mit KI',
      pathTitleEn: 'Leading with AI',
      modulesDone: 2,
      modulesTotal: 5,
    },
    teamCompletion: 0.25,
    ...overrides,
  };
}
