import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, openPage, signIn, test } from './support/browser.js';

// Issue 4's journeys, as people do them: sales@ requests two hours, manager@ approves them in the inbox, and
// sales@ sees the approval and the new balance; sales@ logs a failed experiment and shares it, and a
// colleague gives kudos in the shared feed.

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

/** A figure of the balance card ("Genehmigt", "Übrig", …) in hours. */
async function balance(page: Page, label: string): Promise<number> {
  const value = page.locator('dl').first().locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  await value.waitFor();
  return Number(((await value.textContent()) ?? '').replace(/[^\d,]/g, '').replace(',', '.'));
}

describe('Freiraum time', () => {
  test('sales@ requests 2 hours, manager@ approves, sales@ sees the approval and the new balance', async ({ browser, page }) => {
    await signIn(page, 'sales@muster.example');
    await openPage(page, '/freiraum', /^mein freiraum$/i);
    const approvedBefore = await balance(page, 'Genehmigt');
    const leftBefore = await balance(page, 'Übrig');

    await page.getByLabel('Datum', { exact: true }).fill(today());
    await page.getByLabel('Stunden', { exact: true }).selectOption({ label: '2 Stunden' });
    await page.getByLabel('Ein freies Experiment').check();
    await page.getByLabel('Zweck', { exact: true }).fill('Angebotsentwurf mit Copilot und unserer Vorlage testen');
    await page.getByRole('button', { name: 'Freiraum beantragen' }).click();
    await expect.poll(() => balance(page, 'Übrig')).toBe(leftBefore - 2);
    await expect.poll(() => balance(page, 'Offen')).toBeGreaterThanOrEqual(2);

    const managerContext = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'de-DE' });
    const manager = await managerContext.newPage();
    await signIn(manager, 'manager@muster.example');
    await openPage(manager, '/freiraum/approvals', /^freigaben$/i);
    const card = manager.getByRole('article').filter({ hasText: 'Lena Hoffmann' }).filter({ hasText: 'Angebotsentwurf mit Copilot' });
    await card.waitFor();
    await expectNoSeriousA11yViolations(manager, '/freiraum/approvals');
    await card.getByRole('button', { name: 'Genehmigen' }).click();
    await expect.poll(() => card.count()).toBe(0);

    await page.reload();
    await expect.poll(() => balance(page, 'Genehmigt')).toBe(approvedBefore + 2);
    expect(await balance(page, 'Übrig')).toBe(leftBefore - 2);
    const request = page.getByRole('heading', { level: 3 }).filter({ hasText: '2 Stunden' }).first();
    await request.waitFor();
    await expect.poll(() => page.getByText('Genehmigt', { exact: true }).count()).toBeGreaterThan(1);
    await expectNoSeriousA11yViolations(page, '/freiraum');
  });

  test('sales@ logs a failed experiment and shares it; a colleague gives kudos', async ({ browser, page }) => {
    const goal = `Lieferzeiten-Antwort mit Copilot entwerfen (${Date.now()})`;
    await signIn(page, 'sales@muster.example');
    await openPage(page, '/journal/new', /neuer journal-eintrag/i);
    await page.getByLabel('Ziel', { exact: true }).fill(goal);
    await page.getByLabel('KI-Werkzeug', { exact: true }).selectOption({ label: 'Microsoft 365 Copilot' });
    await page.getByRole('radio', { name: /^Intern/ }).check();
    await page.getByRole('radio', { name: /^Gescheitert/ }).check();
    await page.getByLabel('Gesparte Zeit in Minuten').fill('0');
    await page.getByLabel('Was Sie gelernt haben').fill('Ohne aktuelle Lieferdaten rät das Modell – ich brauche die Liste aus dem ERP als Kontext.');
    await page.getByRole('radio', { name: /^Ganze Organisation/ }).check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    const mine = page.getByRole('article', { name: goal });
    await mine.waitFor();
    expect(await mine.getByText('Gescheitert').count()).toBeGreaterThan(0);

    const colleagueContext = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'de-DE' });
    const colleague = await colleagueContext.newPage();
    await signIn(colleague, 'stefan.krueger@muster.example');
    await openPage(colleague, '/journal/feed', /geteilte experimente/i);
    const card = colleague.getByRole('article', { name: goal });
    await card.waitFor();
    const kudos = card.getByRole('button', { name: 'Kudos geben' });
    await kudos.click();
    await expect.poll(() => kudos.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => card.getByText(/^1 Kudos$/).count()).toBe(1);
    await expectNoSeriousA11yViolations(colleague, '/journal/feed');

    // The author sees the recognition on their own entry.
    await page.reload();
    const count = page.getByRole('article', { name: goal }).locator('dt', { hasText: /^Kudos$/ }).locator('xpath=following-sibling::dd[1]');
    await expect.poll(async () => (await count.textContent())?.trim()).toBe('1');
  });

  test('the other Freiraum pages have no serious accessibility problems', async ({ page }) => {
    await signIn(page, 'manager@muster.example');
    for (const { path, heading } of [
      { path: '/freiraum/team', heading: /^team-freiraum$/i },
      { path: '/journal', heading: /mein experiment-journal/i },
      { path: '/use-cases', heading: /use-case-bibliothek/i },
      { path: '/team', heading: /team/i },
    ]) {
      await openPage(page, path, heading);
      await expectNoSeriousA11yViolations(page, path);
    }
  });
});
