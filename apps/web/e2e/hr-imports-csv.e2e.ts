import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { expectHeading, expectNoSeriousA11yViolations, mainNavigation, signIn, test } from './support/browser.js';

// HR imports employees from a CSV as German Excel saves it ("CSV (Trennzeichen-getrennt)": semicolons,
// Windows-1252, umlauts). The dry run names the bad row; after fixing the file the import goes through.

/** Encodes text as Windows-1252 (enough for German: ASCII plus Latin-1 letters). */
function windows1252(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

describe('HR imports users from CSV', () => {
  test('a dry run with a bad row shows the error; the corrected file imports', async ({ page }) => {
    const tag = randomBytes(3).toString('hex');
    const first = `jörg.müller.${tag}@muster.example`.replace('ö', 'oe').replace('ü', 'ue');
    const second = `bärbel.groß.${tag}@muster.example`.replace('ä', 'ae').replace('ß', 'ss');
    const header = 'email;first_name;last_name;department;track;manager_email;roles';
    const good1 = `${first};Jörg;Müller-${tag};Vertrieb;sales;manager@muster.example;employee`;
    const bad2 = `${second};Bärbel;Groß-${tag};Verwaltung;no-such-track;chefin@muster.example;employee`;
    const good2 = `${second};Bärbel;Groß-${tag};Verwaltung;administration;chefin@muster.example;employee`;

    await signIn(page, 'hr@muster.example');
    await mainNavigation(page)
      .getByRole('link', { name: /^import$/i })
      .click();
    await expectHeading(page, /import/i);

    const fileInput = page.getByLabel(/^(csv-datei auswählen|choose a csv file|select csv file)/i);
    await fileInput.setInputFiles({
      name: 'mitarbeitende.csv',
      mimeType: 'text/csv',
      buffer: windows1252(`${header}\r\n${good1}\r\n${bad2}\r\n`),
    });
    const errors = page.getByRole('table', { name: /^(fehler|errors)$/i });
    await errors.waitFor({ state: 'visible', timeout: 15_000 });
    // The header is line 1, so the bad row is line 3, and the message names the column.
    const errorRow = errors.getByRole('row').filter({ hasText: /track/i });
    expect(await errorRow.count()).toBeGreaterThan(0);
    expect((await errorRow.first().locator('th, td').first().textContent())?.trim()).toBe('3');
    expect(await page.getByRole('button', { name: /importieren|^2\. import/i }).isDisabled()).toBe(true);
    await expectNoSeriousA11yViolations(page, 'import dry run with errors');

    await fileInput.setInputFiles({
      name: 'mitarbeitende-korrigiert.csv',
      mimeType: 'text/csv',
      buffer: windows1252(`${header}\r\n${good1}\r\n${good2}\r\n`),
    });
    const importButton = page.getByRole('button', { name: /importieren|^2\. import/i });
    await expect.poll(() => importButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    await importButton.click();
    await expect
      .poll(
        () => page.getByRole('heading', { name: /import abgeschlossen|import (complete|finished|done)/i }).count(),
        {
          timeout: 15_000,
        },
      )
      .toBe(1);

    // Umlauts survived the Windows-1252 file.
    await page.goto('/admin/users');
    await page.getByRole('searchbox', { name: /^(suche|search)/i }).fill(`Müller-${tag}`);
    await expect.poll(() => page.getByText(`Jörg Müller-${tag}`).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});
