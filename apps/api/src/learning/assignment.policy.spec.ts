import { assignmentStatus, daysUntil, dueNotice, localDate } from './assignment.policy.js';

describe('assignmentStatus', () => {
  const base = { complete: false, started: false, dueDate: '2026-12-10', today: '2026-12-01' };
  it('follows not started → in progress → complete', () => {
    expect(assignmentStatus(base)).toBe('not_started');
    expect(assignmentStatus({ ...base, started: true })).toBe('in_progress');
    expect(assignmentStatus({ ...base, started: true, complete: true })).toBe('complete');
  });
  it('is overdue the day after the due date, not on it; complete wins', () => {
    expect(assignmentStatus({ ...base, today: '2026-12-10' })).toBe('not_started');
    expect(assignmentStatus({ ...base, today: '2026-12-11', started: true })).toBe('overdue');
    expect(assignmentStatus({ ...base, today: '2026-12-11', complete: true })).toBe('complete');
    expect(assignmentStatus({ ...base, dueDate: null, today: '2030-01-01' })).toBe('not_started');
  });
});

describe('dueNotice', () => {
  const base = { complete: false, dueDate: '2026-12-10', sent: [] as string[] };
  it('sends 7 days before, 1 day before, and when overdue, each once', () => {
    expect(dueNotice({ ...base, today: '2026-12-02' })).toBeNull();
    expect(dueNotice({ ...base, today: '2026-12-03' })).toBe('due_in_7_days');
    expect(dueNotice({ ...base, today: '2026-12-03', sent: ['due_in_7_days'] })).toBeNull();
    expect(dueNotice({ ...base, today: '2026-12-09', sent: ['due_in_7_days'] })).toBe('due_in_1_day');
    expect(dueNotice({ ...base, today: '2026-12-11', sent: ['due_in_7_days', 'due_in_1_day'] })).toBe('overdue');
    expect(dueNotice({ ...base, today: '2026-12-20', sent: ['overdue'] })).toBeNull();
  });
  it('nothing for completed or undated assignments', () => {
    expect(dueNotice({ ...base, today: '2026-12-09', complete: true })).toBeNull();
    expect(dueNotice({ ...base, dueDate: null, today: '2026-12-09' })).toBeNull();
  });
});

describe('dates in the organisation’s time zone', () => {
  it('late evening UTC is already tomorrow in Berlin', () => {
    expect(localDate(new Date('2026-12-09T23:30:00Z'), 'Europe/Berlin')).toBe('2026-12-10');
    expect(localDate(new Date('2026-12-09T23:30:00Z'), 'UTC')).toBe('2026-12-09');
  });
  it('counts days across the DST change', () => {
    expect(daysUntil('2026-03-28', '2026-03-30')).toBe(2);
  });
});
