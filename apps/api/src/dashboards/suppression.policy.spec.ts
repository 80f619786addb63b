import { hidden, primary, shown, suppressColumn, type Measured } from './suppression.policy.js';

const k = 5;
const m = (value: number, people = value): Measured => ({ value, people });

describe('primary suppression', () => {
  it('shows a figure covering at least k people, hides one covering fewer, zero included', () => {
    expect(primary(m(5), k)).toEqual(shown(5));
    expect(primary(m(4), k)).toEqual(hidden('small_group'));
    expect(primary(m(0), k)).toEqual(hidden('small_group'));
    // Minutes saved by 3 people: the value is large, the group is small.
    expect(primary({ value: 900, people: 3 }, k)).toEqual(hidden('small_group'));
  });
});

describe('complementary suppression: the subtraction attack', () => {
  const sumShown = (cells: ReturnType<typeof suppressColumn>) => cells.reduce((s, c) => s + (c.value ?? 0), 0);

  it('hides a second row when one is hidden, so total − shown rows is not one group', () => {
    const rows = [m(40), m(12), m(3), m(25)];
    const total = shown(80);
    const cells = suppressColumn(rows, total, k);
    expect(cells.map((c) => c.suppressed)).toEqual([null, 'complementary', 'small_group', null]);
    // The attacker's best: 80 − 40 − 25 = 15, which is 3 + 12 together, never the 3 alone.
    expect(80 - sumShown(cells)).toBe(15);
  });

  it('keeps hiding while the hidden rows together cover fewer than k people', () => {
    const rows = [m(1), m(2), m(30), m(3)];
    const cells = suppressColumn(rows, shown(36), k);
    // 1 + 2 + 3 = 6 people hidden ≥ 5: enough; the 30 stays.
    expect(cells.map((c) => c.suppressed)).toEqual(['small_group', 'small_group', null, 'small_group']);
    const two = suppressColumn([m(1), m(2), m(30), m(40)], shown(73), k);
    // 1 + 2 = 3 < 5: the next smallest (30) is hidden as well.
    expect(two.map((c) => c.suppressed)).toEqual(['small_group', 'small_group', 'complementary', null]);
    expect(73 - sumShown(two)).toBe(33);
  });

  it('leaves a breakdown alone when nothing is small', () => {
    expect(suppressColumn([m(10), m(7)], shown(17), k).every((c) => c.suppressed === null)).toBe(true);
  });

  it('chooses the row by people, not by value (a sum over few people can be large)', () => {
    const rows: Measured[] = [{ value: 500, people: 2 }, { value: 9000, people: 20 }, { value: 100, people: 8 }];
    expect(suppressColumn(rows, shown(9600), k).map((c) => c.suppressed)).toEqual(['small_group', null, 'complementary']);
  });

  it('hides every row when the total is hidden, and honours rows hidden for another reason', () => {
    expect(suppressColumn([m(10), m(7)], hidden('complementary'), k).map((c) => c.suppressed)).toEqual(['complementary', 'complementary']);
    const forced = suppressColumn([m(10), m(7), m(9)], shown(26), k, [false, true, false]);
    // The forced one alone would be recoverable: one more is hidden.
    expect(forced.map((c) => c.suppressed)).toEqual([null, 'complementary', 'complementary']);
  });

  it('cannot be beaten by subtraction in any column of random breakdowns', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let run = 0; run < 500; run++) {
      const rows = Array.from({ length: 2 + rnd(8) }, () => m(rnd(20)));
      const total = rows.reduce((s, r) => s + (r.value ?? 0), 0);
      const totalPeople = rows.reduce((s, r) => s + r.people, 0);
      const cells = suppressColumn(rows, totalPeople < k ? hidden('small_group') : shown(total), k);
      const hiddenRows = rows.filter((_, i) => cells[i].suppressed);
      if (totalPeople < k) continue;
      // No shown cell covers fewer than k people, and what subtraction yields is never one hidden group
      // nor a group of fewer than k people.
      rows.forEach((r, i) => cells[i].suppressed === null && expect(r.people).toBeGreaterThanOrEqual(k));
      if (hiddenRows.length) {
        expect(hiddenRows.length).toBeGreaterThanOrEqual(2);
        expect(hiddenRows.reduce((s, r) => s + r.people, 0)).toBeGreaterThanOrEqual(k);
      }
    }
  });
});
