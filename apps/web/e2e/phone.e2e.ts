import { describe, expect } from 'vitest';
import {
  expectHeading,
  expectNoSeriousA11yViolations,
  mainNavigation,
  menuButton,
  PHONE,
  signIn,
  test,
} from './support/browser.js';

// Phone width (390 × 844): signing in works, the navigation sits behind a menu button that opens and
// closes it, and nothing is wider than the screen.

async function horizontalOverflow(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('phone width', () => {
  test.override({ contextOptions: PHONE });

  test('sign in and navigate through the menu', async ({ page }) => {
    await page.goto('/sign-in');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page, 'sign-in (phone)');

    await signIn(page, 'admin@muster.example');
    const menu = menuButton(page);
    await menu.waitFor({ state: 'visible' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await mainNavigation(page).isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const nav = mainNavigation(page);
    await nav.waitFor({ state: 'visible' });
    await expectNoSeriousA11yViolations(page, 'navigation menu (phone)');

    await nav.getByRole('link', { name: /^(benachrichtigungen|notifications)\b/i }).click();
    await expectHeading(page, /benachrichtigungen|notifications/i);
    // Choosing a page closes the menu again.
    await expect.poll(() => nav.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.click();
    await nav.getByRole('link', { name: /^(personen|people)$/i }).click();
    await expectHeading(page, /^(personen|people)$/i);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page, 'people (phone)');
  });
});
