// Freiraum time rules (PRODUCT.md §3), pure: periods in the organisation's time zone, the balance, the
// request state machine, hours in half-hour steps, allocation limits and who decides a request.
// The HTTP feature (issue 4) builds on these; they are unit-tested on their own.

export type PeriodKind = 'month' | 'quarter';
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

/** A period as calendar dates in the organisation's time zone: [start, end) and a stable key. */
export interface Period {
  key: string;
  start: string;
  end: string;
}

/** The period (month or quarter) that a calendar date (YYYY-MM-DD, organisation time zone) falls in. */
export function periodOf(date: string, kind: PeriodKind): Period {
  const [y, m] = date.split('-').map(Number);
  const first = kind === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const months = kind === 'month' ? 1 : 3;
  const endMonth = first + months;
  const end = endMonth > 12 ? `${y + 1}-${pad(endMonth - 12)}-01` : `${y}-${pad(endMonth)}-01`;
  const key = kind === 'month' ? `${y}-${pad(m)}` : `${y}-Q${(first + 2) / 3}`;
  return { key, start: `${y}-${pad(first)}-01`, end };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period a key names (2026-11 or 2026-Q4), with its kind. */
export function periodFromKey(key: string): Period & { kind: PeriodKind } {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return { ...periodOf(`${quarter[1]}-${pad((Number(quarter[2]) - 1) * 3 + 1)}-01`, 'quarter'), kind: 'quarter' };
  return { ...periodOf(`${key}-01`, 'month'), kind: 'month' };
}

/** The key of the period before (-1) or after (+1) this one. */
export function shiftPeriod(key: string, delta: -1 | 1): string {
  const p = periodFromKey(key);
  if (delta === 1) return periodOf(p.end, p.kind).key;
  const [y, m] = p.start.split('-').map(Number);
  const prev = m === 1 ? `${y - 1}-12-01` : `${y}-${pad(m - 1)}-01`;
  return periodOf(prev, p.kind).key;
}

/** Today's calendar date (YYYY-MM-DD) in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export interface BalanceInput {
  allocatedHours: number;
  requests: { status: RequestStatus; hours: number; slotDate: string }[];
  /** Today in the organisation's time zone: approved slots before today count as used. */
  today: string;
}

export interface Balance {
  allocated: number;
  pending: number;
  approved: number;
  used: number;
  left: number;
}

/** left = allocated − pending − approved; used = approved hours whose slot has passed. */
export function balance(input: BalanceInput): Balance {
  const sum = (pred: (r: BalanceInput['requests'][number]) => boolean) =>
    input.requests.filter(pred).reduce((total, r) => total + r.hours, 0);
  const pending = sum((r) => r.status === 'pending');
  const approved = sum((r) => r.status === 'approved');
  const used = sum((r) => r.status === 'approved' && r.slotDate < input.today);
  return { allocated: input.allocatedHours, pending, approved, used, left: input.allocatedHours - pending - approved };
}

/** Hours are positive half-hour steps, at most a working day per request. */
export function hoursProblem(hours: number, maxPerRequest = 8): string | null {
  if (!Number.isFinite(hours) || hours <= 0) return 'must be more than 0';
  if (Math.round(hours * 2) !== hours * 2) return 'must be in half-hour steps (0.5, 1, 1.5, …)';
  if (hours > maxPerRequest) return `must be at most ${maxPerRequest} hours per request`;
  return null;
}

/** Whether a new request fits: pending + approved may never exceed the allocation. */
export function fitsBudget(current: Balance, hours: number): boolean {
  return hours <= current.left;
}

/**
 * pending → approved | rejected | cancelled; approved → cancelled, only before its slot (the hours
 * return). Anything else is refused with a reason.
 */
export function transitionProblem(from: RequestStatus, to: RequestStatus, slotDate: string, today: string): string | null {
  if (from === 'pending' && (to === 'approved' || to === 'rejected' || to === 'cancelled')) return null;
  if (from === 'approved' && to === 'cancelled') return slotDate > today ? null : 'an approved slot can only be cancelled before its day';
  return `a ${from} request cannot become ${to}`;
}

/** A manager may set an allocation within the admin's limit, never below what is pending plus approved. */
export function allocationProblem(newHours: number, current: Balance, maxHours: number): string | null {
  if (!Number.isFinite(newHours) || newHours < 0 || Math.round(newHours * 2) !== newHours * 2) return 'must be 0 or more, in half-hour steps';
  if (newHours > maxHours) return `must be at most ${maxHours} hours (the organisation's limit)`;
  const committed = current.pending + current.approved;
  if (newHours < committed) return `is ${committed - newHours} hours below what is already pending or approved (${committed} hours)`;
  return null;
}

export interface DecisionContext {
  requesterId: string;
  /** The requester's active manager, if any. */
  managerId: string | null;
  /** Delegates the manager named for an absence that covers today. */
  delegateIds: readonly string[];
  /** The manager's own active manager (escalation target). */
  managersManagerId: string | null;
  /** The request has been pending longer than the escalation days. */
  escalated: boolean;
}

/**
 * Who may decide (PRODUCT.md §3): the requester's manager or their delegate; after escalation also the
 * manager's manager (HR where the manager has none); a requester without a manager is decided by HR
 * (someone else), failing that by an admin. Never the requester.
 */
export function mayDecideRequest(actor: { id: string; roles: readonly string[] }, ctx: DecisionContext, hrExistsBesidesRequester: boolean): boolean {
  if (actor.id === ctx.requesterId) return false;
  const hrOrAdmin = () => actor.roles.includes('hr') || (!hrExistsBesidesRequester && actor.roles.includes('admin'));
  if (ctx.managerId) {
    if (actor.id === ctx.managerId || ctx.delegateIds.includes(actor.id)) return true;
    if (!ctx.escalated) return false;
    return ctx.managersManagerId ? actor.id === ctx.managersManagerId : hrOrAdmin();
  }
  return hrOrAdmin();
}

/** Whether a pending request has waited longer than the escalation days. */
export function isOverdueForEscalation(createdAt: Date, now: Date, escalationDays: number): boolean {
  return now.getTime() - createdAt.getTime() > escalationDays * 24 * 60 * 60 * 1000;
}
