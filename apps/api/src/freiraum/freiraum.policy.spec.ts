import {
  allocationProblem,
  balance,
  fitsBudget,
  hoursProblem,
  isOverdueForEscalation,
  localDate,
  periodFromKey,
  shiftPeriod,
  mayDecideRequest,
  periodOf,
  transitionProblem,
  type DecisionContext,
} from './freiraum.policy.js';

describe('periodOf', () => {
  it('months and quarters as calendar dates, across the year end', () => {
    expect(periodOf('2026-11-28', 'month')).toEqual({ key: '2026-11', start: '2026-11-01', end: '2026-12-01' });
    expect(periodOf('2026-12-31', 'month')).toEqual({ key: '2026-12', start: '2026-12-01', end: '2027-01-01' });
    expect(periodOf('2026-11-28', 'quarter')).toEqual({ key: '2026-Q4', start: '2026-10-01', end: '2027-01-01' });
    expect(periodOf('2026-01-01', 'quarter')).toEqual({ key: '2026-Q1', start: '2026-01-01', end: '2026-04-01' });
  });
});

describe('balance', () => {
  it('allocated, pending, approved, used and left', () => {
    const b = balance({
      allocatedHours: 8,
      today: '2026-11-15',
      requests: [
        { status: 'approved', hours: 2, slotDate: '2026-11-10' },
        { status: 'approved', hours: 1.5, slotDate: '2026-11-20' },
        { status: 'pending', hours: 2, slotDate: '2026-11-25' },
        { status: 'rejected', hours: 3, slotDate: '2026-11-12' },
        { status: 'cancelled', hours: 1, slotDate: '2026-11-13' },
      ],
    });
    expect(b).toEqual({ allocated: 8, pending: 2, approved: 3.5, used: 2, left: 2.5 });
    expect(fitsBudget(b, 2.5)).toBe(true);
    expect(fitsBudget(b, 3)).toBe(false);
  });
});

describe('hoursProblem', () => {
  it('accepts half-hour steps and refuses the rest', () => {
    expect(hoursProblem(0.5)).toBeNull();
    expect(hoursProblem(2)).toBeNull();
    expect(hoursProblem(0)).toMatch(/more than 0/);
    expect(hoursProblem(1.25)).toMatch(/half-hour/);
    expect(hoursProblem(9)).toMatch(/at most 8/);
    expect(hoursProblem(Number.NaN)).toMatch(/more than 0/);
  });
});

describe('transitionProblem', () => {
  it('follows pending → approved | rejected | cancelled and approved → cancelled before the slot', () => {
    expect(transitionProblem('pending', 'approved', '2026-12-01', '2026-11-28')).toBeNull();
    expect(transitionProblem('pending', 'rejected', '2026-12-01', '2026-11-28')).toBeNull();
    expect(transitionProblem('approved', 'cancelled', '2026-12-01', '2026-11-28')).toBeNull();
    expect(transitionProblem('approved', 'cancelled', '2026-11-28', '2026-11-28')).toMatch(/before its day/);
    expect(transitionProblem('rejected', 'approved', '2026-12-01', '2026-11-28')).toMatch(/cannot become/);
    expect(transitionProblem('cancelled', 'pending', '2026-12-01', '2026-11-28')).toMatch(/cannot become/);
    expect(transitionProblem('approved', 'approved', '2026-12-01', '2026-11-28')).toMatch(/cannot become/);
  });
});

describe('allocationProblem', () => {
  const current = { allocated: 8, pending: 2, approved: 3, used: 1, left: 3 };
  it('stays within the admin limit and never below pending plus approved, saying by how much', () => {
    expect(allocationProblem(6, current, 16)).toBeNull();
    expect(allocationProblem(4, current, 16)).toBe('is 1 hours below what is already pending or approved (5 hours)');
    expect(allocationProblem(20, current, 16)).toMatch(/at most 16/);
    expect(allocationProblem(5.25, current, 16)).toMatch(/half-hour/);
  });
});

describe('mayDecideRequest', () => {
  const ctx: DecisionContext = { requesterId: 'emp', managerId: 'mgr', delegateIds: ['dlg'], managersManagerId: 'boss', escalated: false };
  const person = (id: string, ...roles: string[]) => ({ id, roles });
  it('the manager or their delegate decides; the manager’s manager only after escalation', () => {
    expect(mayDecideRequest(person('mgr', 'manager'), ctx, true)).toBe(true);
    expect(mayDecideRequest(person('dlg'), ctx, true)).toBe(true);
    expect(mayDecideRequest(person('boss', 'manager'), ctx, true)).toBe(false);
    expect(mayDecideRequest(person('boss', 'manager'), { ...ctx, escalated: true }, true)).toBe(true);
    expect(mayDecideRequest(person('hr', 'hr'), ctx, true)).toBe(false);
  });
  it('without a manager: HR (someone else), else an admin; never the requester', () => {
    const alone = { ...ctx, managerId: null, delegateIds: [], managersManagerId: null };
    expect(mayDecideRequest(person('hr', 'hr'), alone, true)).toBe(true);
    expect(mayDecideRequest(person('adm', 'admin'), alone, true)).toBe(false);
    expect(mayDecideRequest(person('adm', 'admin'), alone, false)).toBe(true);
    expect(mayDecideRequest(person('emp', 'hr', 'admin'), { ...alone }, false)).toBe(false);
  });
  it('escalation from a manager who has no manager of their own goes to HR, else an admin', () => {
    const top = { ...ctx, managersManagerId: null, escalated: true };
    expect(mayDecideRequest(person('hr', 'hr'), top, true)).toBe(true);
    expect(mayDecideRequest(person('hr', 'hr'), { ...top, escalated: false }, true)).toBe(false);
    expect(mayDecideRequest(person('adm', 'admin'), top, true)).toBe(false);
    expect(mayDecideRequest(person('adm', 'admin'), top, false)).toBe(true);
    expect(mayDecideRequest(person('mgr', 'manager'), top, true)).toBe(true);
  });
  it('a delegate is one of several and never decides their own request', () => {
    const many = { ...ctx, delegateIds: ['d1', 'd2'] };
    expect(mayDecideRequest(person('d2'), many, true)).toBe(true);
    expect(mayDecideRequest(person('d3'), many, true)).toBe(false);
    expect(mayDecideRequest(person('emp'), { ...many, delegateIds: ['emp'] }, true)).toBe(false);
  });
});

describe('isOverdueForEscalation', () => {
  const created = new Date('2026-11-02T10:00:00Z');
  it('is overdue only after more than the escalation days', () => {
    expect(isOverdueForEscalation(created, new Date('2026-11-05T10:00:00Z'), 3)).toBe(false);
    expect(isOverdueForEscalation(created, new Date('2026-11-05T10:00:01Z'), 3)).toBe(true);
  });
});

describe('period keys', () => {
  it('reads month and quarter keys', () => {
    expect(periodFromKey('2026-11')).toEqual({ key: '2026-11', kind: 'month', start: '2026-11-01', end: '2026-12-01' });
    expect(periodFromKey('2026-Q4')).toEqual({ key: '2026-Q4', kind: 'quarter', start: '2026-10-01', end: '2027-01-01' });
  });
  it('steps across year ends', () => {
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2027-01', -1)).toBe('2026-12');
    expect(shiftPeriod('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftPeriod('2027-Q1', -1)).toBe('2026-Q4');
  });
  it('takes today in the organisation time zone, not UTC', () => {
    // 23:30 UTC on 31 Dec is already New Year in Berlin: the request belongs to January's period.
    const now = new Date('2026-12-31T23:30:00Z');
    expect(localDate(now, 'Europe/Berlin')).toBe('2027-01-01');
    expect(localDate(now, 'America/New_York')).toBe('2026-12-31');
    expect(periodOf(localDate(now, 'Europe/Berlin'), 'month').key).toBe('2027-01');
  });
});
