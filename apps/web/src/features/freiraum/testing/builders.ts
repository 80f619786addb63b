import type { FreiraumRequest, InboxItem, MyFreiraum, TeamFreiraum } from '@freiraum/contracts';

let n = 0;
export const fid = (prefix = 'a0') => `${prefix}000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export const POLICY = { periodKind: 'month', defaultHours: 8, maxHours: 16, escalationDays: 5 } as const;

export function buildMyFreiraum(overrides: Partial<MyFreiraum> = {}): MyFreiraum {
  return {
    period: { key: '2026-11', kind: 'month', start: '2026-11-01', end: '2026-12-01' },
    previousPeriod: '2026-10',
    nextPeriod: '2026-12',
    today: '2026-11-18',
    balance: { allocated: 8, pending: 1.5, approved: 4, used: 2, left: 2.5 },
    policy: { ...POLICY },
    ...overrides,
  };
}

export function buildRequest(overrides: Partial<FreiraumRequest> = {}): FreiraumRequest {
  return {
    id: fid('b0'),
    userId: 'c0000000-0000-4000-8000-000000000001',
    userName: 'Sven Sander',
    slotDate: '2026-11-24',
    hours: 1.5,
    periodKey: '2026-11',
    purposeType: 'experiment',
    exerciseId: null,
    useCaseId: null,
    purposeTitle: null,
    purpose: 'Angebote mit Copilot zusammenfassen',
    status: 'pending',
    decidedBy: null,
    decidedByName: null,
    decisionNote: null,
    decidedAt: null,
    escalatedAt: null,
    createdAt: '2026-11-17T09:00:00.000Z',
    canDecide: false,
    canCancel: true,
    hasJournalEntry: false,
    ...overrides,
  };
}

export function buildInboxItem(overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    ...buildRequest({ canDecide: true, canCancel: false }),
    context: {
      requesterBalance: { allocated: 8, pending: 1.5, approved: 2, used: 0, left: 4.5 },
      teammatesAway: [],
    },
    ...overrides,
  };
}

export function buildTeam(overrides: Partial<TeamFreiraum> = {}): TeamFreiraum {
  return {
    period: { key: '2026-11', kind: 'month', start: '2026-11-01', end: '2026-12-01' },
    previousPeriod: '2026-10',
    nextPeriod: '2026-12',
    policy: { ...POLICY },
    members: [
      {
        userId: 'd0000000-0000-4000-8000-000000000001',
        name: 'Lena Hoffmann',
        balance: { allocated: 8, pending: 2, approved: 4, used: 4, left: 2 },
        customAllocation: false,
      },
      {
        userId: 'd0000000-0000-4000-8000-000000000002',
        name: 'Anna Berg',
        balance: { allocated: 12, pending: 0, approved: 1.5, used: 0, left: 10.5 },
        customAllocation: true,
      },
    ],
    totals: { allocated: 20, pending: 2, approved: 5.5, used: 4, left: 12.5 },
    ...overrides,
  };
}
