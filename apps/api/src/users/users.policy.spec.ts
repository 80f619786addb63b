import {
  createsCycle,
  deriveRoles,
  leavesNoActiveAdmin,
  managerProblem,
  mayChangeRoles,
  nodesOnCycles,
  planHandover,
  privilegedRoleChanges,
  sameRoles,
} from './users.policy.js';

describe('deriveRoles', () => {
  it('adds manager exactly when the user has active direct reports', () => {
    expect(deriveRoles(['employee'], true)).toEqual(['employee', 'manager']);
    expect(deriveRoles(['employee', 'manager'], false)).toEqual(['employee']);
  });

  it('never leaves a user without a role', () => {
    expect(deriveRoles(['manager'], false)).toEqual(['employee']);
    expect(deriveRoles([], true)).toEqual(['employee', 'manager']);
  });

  it('keeps other roles and sorts them', () => {
    expect(deriveRoles(['hr', 'admin', 'hr'], false)).toEqual(['admin', 'hr']);
  });
});

describe('role changes', () => {
  it('compares role sets regardless of order and duplicates', () => {
    expect(sameRoles(['hr', 'employee'], ['employee', 'hr', 'hr'])).toBe(true);
    expect(sameRoles(['hr'], ['hr', 'admin'])).toBe(false);
  });

  it('names privileged roles that are granted or removed', () => {
    expect(privilegedRoleChanges(['employee'], ['employee', 'hr'])).toEqual(['hr']);
    expect(privilegedRoleChanges(['admin', 'employee'], ['employee'])).toEqual(['admin']);
    expect(privilegedRoleChanges(['employee'], ['employee', 'manager'])).toEqual([]);
  });

  it('only an admin may change hr or admin', () => {
    expect(mayChangeRoles(['hr', 'employee'], ['employee'], ['employee', 'admin'])).toBe(false);
    expect(mayChangeRoles(['hr'], ['hr', 'employee'], ['employee'])).toBe(false);
    expect(mayChangeRoles(['hr'], ['employee'], ['employee', 'manager'])).toBe(true);
    expect(mayChangeRoles(['admin'], ['employee'], ['employee', 'hr', 'admin'])).toBe(true);
  });

  it('detects the last active admin', () => {
    expect(leavesNoActiveAdmin(['a'], 'a')).toBe(true);
    expect(leavesNoActiveAdmin(['a', 'b'], 'a')).toBe(false);
    expect(leavesNoActiveAdmin(['b'], 'a')).toBe(false);
  });
});

describe('reporting lines', () => {
  // chain: d → c → b → a (a has no manager)
  const managers = new Map<string, string | null>([
    ['a', null],
    ['b', 'a'],
    ['c', 'b'],
    ['d', 'c'],
  ]);
  const managerOf = (id: string) => managers.get(id);

  it('refuses a manager below the user in the chain', () => {
    expect(createsCycle('a', 'd', managerOf)).toBe(true);
    expect(createsCycle('b', 'c', managerOf)).toBe(true);
  });

  it('refuses the user themself', () => {
    expect(createsCycle('a', 'a', managerOf)).toBe(true);
  });

  it('accepts managers above or beside the user, and no manager', () => {
    expect(createsCycle('d', 'a', managerOf)).toBe(false);
    expect(createsCycle('x', 'd', managerOf)).toBe(false);
    expect(createsCycle('a', null, managerOf)).toBe(false);
  });

  it('terminates on an existing loop that does not involve the user', () => {
    const looped = new Map([
      ['p', 'q'],
      ['q', 'p'],
    ]);
    expect(createsCycle('x', 'p', (id) => looped.get(id))).toBe(false);
  });

  it('finds every node on a loop, and only those', () => {
    const graph = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'a'],
      ['e', 'e'],
      ['f', null],
      ['g', 'unknown'],
    ]);
    expect([...nodesOnCycles(graph)].sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(nodesOnCycles(managers).size).toBe(0);
  });

  it('says why someone cannot be a manager', () => {
    expect(managerProblem('u', null)).toBe('unknown');
    expect(managerProblem('u', { id: 'u', active: true })).toBe('self');
    expect(managerProblem('u', { id: 'm', active: false })).toBe('inactive');
    expect(managerProblem('u', { id: 'm', active: true })).toBeNull();
  });
});

describe('planHandover', () => {
  it('moves reports to the successor', () => {
    expect(planHandover(['r1', 'r2'], { id: 'm', managerId: 'boss' }, 's')).toEqual([
      { userId: 'r1', managerId: 's' },
      { userId: 'r2', managerId: 's' },
    ]);
  });

  it('a successor from within the team moves up to the departing manager’s manager', () => {
    expect(planHandover(['r1', 'r2'], { id: 'm', managerId: 'boss' }, 'r1')).toEqual([
      { userId: 'r1', managerId: 'boss' },
      { userId: 'r2', managerId: 'r1' },
    ]);
  });

  it('without a successor the reports are left without a manager', () => {
    expect(planHandover(['r1'], { id: 'm', managerId: null }, null)).toEqual([{ userId: 'r1', managerId: null }]);
  });
});
