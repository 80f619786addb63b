import { departmentCount, planPeople, type PlannedPerson } from './scale-people.js';

describe('planPeople', () => {
  const plan = (employees: number, seed = 1) => planPeople({ employees, seed, historyDays: 360 });

  it.each([50, 60, 500, 10_000])('builds one tree of %i people: a CEO, everyone else under a manager', (employees) => {
    const { people } = plan(employees);
    expect(people).toHaveLength(employees);
    expect(people.map((p) => p.idx)).toEqual(Array.from({ length: employees }, (_, i) => i + 1));
    expect(people.filter((p) => p.managerIdx === null).map((p) => p.idx)).toEqual([1]);
    const byIdx = new Map(people.map((p) => [p.idx, p]));
    // Walking up from anyone reaches the CEO in a few steps (no cycles, no strays).
    const stray = people.filter((p) => {
      let at: PlannedPerson | undefined = p;
      for (let steps = 0; at && at.managerIdx !== null; steps++) {
        if (steps > 5) return true;
        at = byIdx.get(at.managerIdx);
      }
      return at?.idx !== 1;
    });
    expect(stray).toEqual([]);
  });

  it('gives "manager" to exactly the people with reports, and teams of about ten', () => {
    const { people } = plan(10_000);
    const reports = new Map<number, number>();
    for (const p of people) if (p.managerIdx !== null) reports.set(p.managerIdx, (reports.get(p.managerIdx) ?? 0) + 1);
    expect(people.filter((p) => p.roles.includes('manager') !== reports.has(p.idx))).toEqual([]);
    const teamLeads = people.filter((p) => p.level === 3).map((p) => reports.get(p.idx) ?? 0);
    const average = teamLeads.reduce((a, b) => a + b, 0) / teamLeads.length;
    expect(average).toBeGreaterThanOrEqual(8);
    expect(average).toBeLessThanOrEqual(12);
    expect(Math.max(...reports.values())).toBeLessThanOrEqual(30);
    const managers = people.filter((p) => p.roles.includes('manager'));
    expect(managers.filter((p) => p.track === 'leadership').length / managers.length).toBeGreaterThan(0.6);
  });

  it('has 12 to 20 departments at scale, HR and admins, and 70–80 % ever active', () => {
    expect(departmentCount(10_000)).toBeGreaterThanOrEqual(12);
    expect(departmentCount(10_000)).toBeLessThanOrEqual(20);
    expect(departmentCount(200_000)).toBe(20);
    const { people, hrIdx, adminIdx, departments } = plan(10_000);
    expect(departments).toHaveLength(departmentCount(10_000));
    expect(hrIdx.length).toBeGreaterThanOrEqual(2);
    expect(adminIdx.length).toBeGreaterThanOrEqual(1);
    for (const idx of hrIdx) expect(people[idx - 1].roles).toContain('hr');
    const active = people.filter((p) => p.everActive).length / people.length;
    expect(active).toBeGreaterThanOrEqual(0.7);
    expect(active).toBeLessThanOrEqual(0.8);
    // Nobody is active before joining or after leaving.
    const outside = people.filter(
      (p) =>
        p.everActive &&
        (p.startDay > p.lastDay ||
          (p.hireDay !== null && p.startDay <= p.hireDay) ||
          (p.deactivatedDay !== null && p.lastDay >= p.deactivatedDay)),
    );
    expect(outside).toEqual([]);
  });

  it('is the same organisation for the same seed and a different one for another', () => {
    expect(plan(500, 3)).toEqual(plan(500, 3));
    expect(plan(500, 3).people.map((p) => p.track)).not.toEqual(plan(500, 4).people.map((p) => p.track));
  });

  it('refuses sizes outside the supported range', () => {
    expect(() => plan(49)).toThrow(RangeError);
    expect(() => plan(10.5)).toThrow(RangeError);
  });
});
