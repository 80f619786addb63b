import { PRIVACY_EXPORT_SECTIONS, privacyExportSchema } from '@freiraum/contracts';
import {
  EXPORTED_PERSON_COLUMNS,
  exportFileName,
  NOT_EXPORTED_PERSON_COLUMNS,
  PERSON_COLUMN,
  withIsoInstants,
  withoutTokens,
} from './privacy-export.policy.js';

describe('privacy export rules', () => {
  it('names the file by the date in the organisation time zone', () => {
    const now = new Date('2026-11-28T23:30:00Z');
    expect(exportFileName(now, 'Europe/Berlin')).toBe('freiraum-export-2026-11-29.json');
    expect(exportFileName(now, 'UTC')).toBe('freiraum-export-2026-11-28.json');
  });

  it('shortens one-time tokens in links, wherever they stand in the query', () => {
    expect(withoutTokens('Set a password: https://x.example/welcome?token=abc_DEF-123\nBye')).toBe(
      'Set a password: https://x.example/welcome?token=…\nBye',
    );
    expect(withoutTokens('https://x.example/reset?lang=de&token=abc&x=1')).toBe(
      'https://x.example/reset?lang=de&token=…&x=1',
    );
    expect(withoutTokens('no link here')).toBe('no link here');
  });

  it('writes instants as UTC ISO strings and leaves dates and other values alone', () => {
    expect(
      withIsoInstants({
        createdAt: '2026-11-28T11:00:00.5+01:00',
        readAt: null,
        slotDate: '2026-11-30',
        hours: 1.5,
        data: { at: 'x' },
      }),
    ).toEqual({
      createdAt: '2026-11-28T10:00:00.500Z',
      readAt: null,
      slotDate: '2026-11-30',
      hours: 1.5,
      data: { at: 'x' },
    });
  });

  it('lists every person column once, as exported or with a reason, matching the column pattern or keyed by e-mail', () => {
    const exported = Object.keys(EXPORTED_PERSON_COLUMNS);
    const excluded = Object.keys(NOT_EXPORTED_PERSON_COLUMNS);
    expect(exported.filter((c) => excluded.includes(c))).toEqual([]);
    for (const column of [...exported, ...excluded]) expect(column).toMatch(/^[a-z_]+\.[a-z_]+$/);
    for (const reason of Object.values(NOT_EXPORTED_PERSON_COLUMNS)) expect(reason.length).toBeGreaterThan(20);
    expect(PERSON_COLUMN.test('user_id')).toBe(true);
    expect(PERSON_COLUMN.test('decided_by')).toBe(true);
    expect(PERSON_COLUMN.test('organization_id')).toBe(false);
    expect(PERSON_COLUMN.test('item_id')).toBe(false);
  });

  it('the contract names every section, after version and exportedAt', () => {
    expect(Object.keys(privacyExportSchema.shape)).toEqual(['version', 'exportedAt', ...PRIVACY_EXPORT_SECTIONS]);
  });
});
