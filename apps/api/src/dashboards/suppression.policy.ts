import type { Figure } from '@freiraum/contracts';

// Works-council privacy for HR figures (PRODUCT.md §6, docs/privacy.md). Every figure carries the number of
// distinct people it covers. Primary suppression hides a figure covering fewer than k people; complementary
// suppression hides more figures of a breakdown so that a hidden one cannot be recovered by subtracting
// the shown ones from a shown total.

/** A figure before suppression: its value and how many distinct people it covers. */
export interface Measured {
  value: number | null;
  people: number;
}

export const shown = (value: number | null): Figure => ({ value, suppressed: null });
export const hidden = (reason: 'small_group' | 'complementary'): Figure => ({ value: null, suppressed: reason });

/** Primary suppression: fewer than k people → "fewer than k". Zero people is fewer than k too. */
export function primary(m: Measured, k: number): Figure {
  return m.people < k ? hidden('small_group') : shown(m.value);
}

/**
 * One column of a breakdown whose rows add up to `total`. Rows are first suppressed on their own
 * (fewer than k people, or `forced`, e.g. because the row's group is hidden). If the total is hidden,
 * every row is hidden too (the rows would add up to it). Otherwise, while exactly one row is hidden, or the
 * hidden rows together cover fewer than k people (their sum, which subtraction reveals, would describe a
 * small group), the smallest shown row is hidden as well.
 */
export function suppressColumn(rows: Measured[], total: Figure, k: number, forced: readonly boolean[] = []): Figure[] {
  if (total.suppressed) return rows.map(() => hidden('complementary'));
  const out = rows.map((r, i) => (forced[i] ? hidden('complementary') : primary(r, k)));
  const hiddenPeople = () => rows.reduce((sum, r, i) => sum + (out[i].suppressed ? r.people : 0), 0);
  const hiddenCount = () => out.filter((f) => f.suppressed).length;
  while (hiddenCount() > 0 && (hiddenCount() === 1 || hiddenPeople() < k)) {
    let next = -1;
    for (let i = 0; i < rows.length; i++) {
      if (out[i].suppressed) continue;
      if (next === -1 || rows[i].people < rows[next].people || (rows[i].people === rows[next].people && (rows[i].value ?? 0) < (rows[next].value ?? 0))) next = i;
    }
    if (next === -1) break;
    out[next] = hidden('complementary');
  }
  return out;
}
