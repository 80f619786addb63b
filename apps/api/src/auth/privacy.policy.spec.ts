import { PRIVACY_AUDIENCES, privacyInfoSchema } from '@freiraum/contracts';
import { privacyCategories } from './privacy.policy.js';

describe('privacy categories', () => {
  const categories = privacyCategories();

  it('has unique, machine-readable keys and valid audiences', () => {
    const keys = categories.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of categories) {
      expect(c.key).toMatch(/^[a-z][A-Za-z]*$/);
      expect(c.fields.length).toBeGreaterThan(0);
      for (const a of c.visibleTo) expect(PRIVACY_AUDIENCES).toContain(a);
    }
    expect(() =>
      privacyInfoSchema.parse({
        categories,
        settings: { privacyThreshold: 5, hrSeesIndividuals: false, managersSeeLastActivity: false },
      }),
    ).not.toThrow();
  });

  it('shows sign-in secrets to nobody and notifications only to the person', () => {
    expect(categories.find((c) => c.key === 'signIn')?.visibleTo).toEqual([]);
    expect(categories.find((c) => c.key === 'notifications')?.visibleTo).toEqual(['self']);
  });

  it('keeps the audit log to admins', () => {
    expect(categories.find((c) => c.key === 'auditEntries')?.visibleTo).toEqual(['admin']);
  });
});
