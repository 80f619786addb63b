import { readFile } from 'node:fs/promises';
import { describe, expect } from 'vitest';
import { expectNoSeriousA11yViolations, openPage, signIn, test } from './support/browser.js';

// Issue 5's journeys: HR opens the dashboard, sees a small group suppressed and the charts, filters by
// department and downloads a CSV; a manager sees the team view.

describe('dashboards', () => {
  test('HR sees charts and a suppressed small group, filters by department and downloads a CSV', async ({ page }) => {
    await signIn(page, 'hr@muster.example');
    await openPage(page, '/hr/dashboard', /^hr-dashboard$/i);
    // Geschäftsführung has two people: fewer than the threshold of 5.
    const byDepartment = page.getByRole('table', { name: /zahlen je abteilung/i });
    const board = byDepartment.getByRole('row', { name: /geschäftsführung/i });
    await board.waitFor();
    expect(await board.getByText('weniger als 5').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(3);
    await expectNoSeriousA11yViolations(page, '/hr/dashboard');

    await page.getByRole('combobox', { name: 'Abteilung' }).selectOption({ label: 'Vertrieb' });
    await expect.poll(() => new URL(page.url()).searchParams.get('departmentId')).not.toBeNull();
    await page.waitForLoadState('networkidle');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV herunterladen: Abteilungen' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^freiraum-hr-departments-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await file.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFAbteilung;Eingeschrieben;Aktiv;/);
    expect(text).toMatch(/Geschäftsführung;weniger als 5;/);
  });

  test('a manager sees the team view with their direct reports', async ({ page }) => {
    await signIn(page, 'manager@muster.example');
    await openPage(page, '/team', /team/i);
    const table = page.getByRole('table').first();
    await table.waitFor();
    for (const name of ['Lena Hoffmann', 'Stefan Krüger', 'Anna Schröder']) expect(await table.getByText(name).count()).toBeGreaterThan(0);
    // A report's report is not a direct report.
    expect(await table.getByText('Miriam Yılmaz').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, '/team');
  });
});
