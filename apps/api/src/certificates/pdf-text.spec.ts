import { hasGlyph, splitRuns } from './pdf-text.js';

describe('splitRuns', () => {
  it('sets "Łukasz Gül" in the subsets that have its letters', () => {
    const runs = splitRuns('Łukasz Gül');
    expect(runs.map((r) => r.text).join('')).toBe('Łukasz Gül');
    expect(runs[0]).toEqual({ subset: 'latin-ext', text: 'Ł' });
    for (const run of runs) for (const ch of run.text.replace(/\s/g, '')) expect(hasGlyph(run.subset, ch)).toBe(true);
  });

  it('handles Greek and Cyrillic names and keeps plain Latin in one run', () => {
    expect(splitRuns('Erika Mustermann')).toEqual([{ subset: 'latin', text: 'Erika Mustermann' }]);
    const mixed = splitRuns('Δημήτρης Иванов');
    expect(mixed.map((r) => r.subset)).toEqual(['greek', 'cyrillic']);
  });
});
