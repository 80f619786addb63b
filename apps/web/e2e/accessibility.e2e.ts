import { describe, expect } from 'vitest';
import { expectNoSeriousA11yViolations, openPage, signIn, test } from './support/browser.js';

// axe-core on every page: no serious or critical violation, signed out and signed in.

const SIGNED_OUT = [
  { path: '/sign-in', heading: /anmelden/i },
  { path: '/forgot-password', heading: /passwort zurücksetzen/i },
  { path: '/welcome?token=this-token-does-not-exist-at-all', heading: /link gilt nicht mehr/i },
];

const SIGNED_IN = [
  { path: '/', heading: /guten (morgen|tag|abend)/i },
  { path: '/notifications', heading: /benachrichtigungen/i },
  { path: '/profile', heading: /profil/i },
  { path: '/profile/privacy', heading: /gespeichert|datenschutz|daten/i },
  { path: '/admin/users', heading: /^personen$/i },
  { path: '/admin/users/new', heading: /person einladen/i },
  { path: '/admin/import', heading: /import/i },
  { path: '/admin/settings', heading: /einstellungen/i },
  { path: '/admin/ai-policy', heading: /ki-richtlinie/i },
  { path: '/admin/audit', heading: /protokoll/i },
  { path: '/admin/freiraum', heading: /^freiraum-regeln$/i },
  { path: '/freiraum', heading: /^mein freiraum$/i },
  { path: '/journal/new', heading: /neuer journal-eintrag/i },
  { path: '/journal/feed', heading: /geteilte experimente/i },
];

describe('accessibility (axe-core: no serious or critical violations)', () => {
  test('pages without a session', async ({ page }) => {
    for (const { path, heading } of SIGNED_OUT) {
      await openPage(page, path, heading);
      await expectNoSeriousA11yViolations(page, path);
    }
  });

  test('every page an admin can reach, in German', async ({ page }) => {
    await signIn(page, 'admin@muster.example');
    for (const { path, heading } of SIGNED_IN) {
      await openPage(page, path, heading);
      await expectNoSeriousA11yViolations(page, path);
    }
  });

  test('the main pages in English', async ({ page }) => {
    await signIn(page, 'chefin@muster.example');
    await page.getByRole('button', { name: /^english$/i }).click();
    const pages = [
      { path: '/', heading: /^(good (morning|evening)|hello),/i },
      { path: '/notifications', heading: /notifications/i },
      { path: '/profile', heading: /profile/i },
      { path: '/profile/privacy', heading: /data|privacy/i },
    ];
    for (const { path, heading } of pages) {
      await openPage(page, path, heading);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await expectNoSeriousA11yViolations(page, `${path} (en)`);
    }
  });

  test('a user page opened from the list', async ({ page }) => {
    await signIn(page, 'admin@muster.example');
    await openPage(page, '/admin/users', /^personen$/i);
    await page
      .getByRole('link', { name: /lena hoffmann/i })
      .first()
      .click();
    await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, 'user edit');
  });

  test('the learning pages of a learner and reviewer', async ({ page }) => {
    await signIn(page, 'manager@muster.example');
    const pages = [
      { path: '/learning', heading: /^mein lernen$/i },
      { path: '/learning/modules/ai-basics', heading: /^ki-grundlagen/i },
      { path: '/learning/modules/lead-ai-visible', heading: /./ },
      { path: '/reviews', heading: /^prüfungen$/i },
      { path: '/flags', heading: /^hinweise zur ki-richtlinie$/i },
    ];
    for (const { path, heading } of pages) {
      await openPage(page, path, heading);
      await expectNoSeriousA11yViolations(page, path);
    }
  });

  test('HR assignments', async ({ page }) => {
    await signIn(page, 'hr@muster.example');
    await openPage(page, '/admin/assignments', /^zuweisungen$/i);
    await expectNoSeriousA11yViolations(page, '/admin/assignments');
  });
});

