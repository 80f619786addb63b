import { describe, expect } from 'vitest';
import { expectHeading, mainNavigation, signIn, test } from './support/browser.js';

// German is the default; switching to English (and back) changes the whole UI at once and is remembered.

describe('language switch', () => {
  test('the sign-in page starts in German and switches to English and back', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: /^anmelden$/i }).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    await page.getByRole('button', { name: /^english$/i }).click();
    await page.getByRole('button', { name: /^sign in$/i }).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByLabel(/^password/i).count()).toBe(1);

    await page.getByRole('button', { name: /^deutsch$/i }).click();
    await page.getByRole('button', { name: /^anmelden$/i }).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  });

  test('signed in: DE → EN changes navigation and headings, survives a reload, and EN → DE switches back', async ({
    page,
  }) => {
    await signIn(page, 'hr@muster.example');
    const nav = mainNavigation(page);
    expect(await nav.getByRole('link', { name: /^benachrichtigungen\b/i }).count()).toBe(1);

    await page.getByRole('button', { name: /^english$/i }).click();
    await nav.getByRole('link', { name: /^notifications\b/i }).waitFor({ state: 'visible' });
    expect(await nav.getByRole('link', { name: /^benachrichtigungen\b/i }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await nav.getByRole('link', { name: /^profile$/i }).click();
    await expectHeading(page, /profile/i);

    await page.reload();
    await nav.getByRole('link', { name: /^notifications\b/i }).waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.getByRole('button', { name: /^sign out$/i }).count()).toBe(1);

    await page.getByRole('button', { name: /^deutsch$/i }).click();
    await nav.getByRole('link', { name: /^benachrichtigungen\b/i }).waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: /^abmelden$/i }).count()).toBe(1);
  });
});
