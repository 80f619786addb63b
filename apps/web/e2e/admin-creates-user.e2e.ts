import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { baseUrl, DESKTOP, expectHeading, mainNavigation, signIn, test } from './support/browser.js';

// The admin invites a new colleague through the people pages; the colleague opens the invitation link,
// sets a password and lands signed in, with the navigation of an employee.

describe('admin creates a user', () => {
  test('invite a person, find them in the list, and the invitation link signs them in', async ({ page, browser }) => {
    const suffix = randomBytes(4).toString('hex');
    const email = `neu.${suffix}@muster.example`;
    const lastName = `Neumann-${suffix}`;

    await signIn(page, 'admin@muster.example');
    await mainNavigation(page)
      .getByRole('link', { name: /^(personen|people)$/i })
      .click();
    await expectHeading(page, /^(personen|people)$/i);

    await page.getByRole('link', { name: /^(person einladen|invite a person|invite person)$/i }).click();
    await expectHeading(page, /einladen|invite/i);
    await page.getByLabel(/^(vorname|first name)/i).fill('Nora');
    await page.getByLabel(/^(nachname|last name)/i).fill(lastName);
    await page.getByLabel(/^(e-mail|email)/i).fill(email);
    // Employee is preselected; a track and a department as the admin would pick them.
    expect(await page.getByRole('checkbox', { name: /^(mitarbeitende|employee)$/i }).isChecked()).toBe(true);
    await page.getByLabel(/^(tätigkeitsfeld|track)/i).selectOption({ index: 1 });
    await page.getByLabel(/^(abteilung|department)/i).selectOption({ index: 1 });
    await page.getByRole('button', { name: /^(einladen|invite)$/i }).click();

    await expect
      .poll(() => page.getByText(/ist eingeladen|has been invited|is invited/i).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const link = await page.getByLabel(/^(einladungslink|invitation link)/i).inputValue();
    expect(link).toMatch(/\/welcome\?token=[\w-]{20,}/);

    // The list finds the new person by name.
    await page.goto('/admin/users');
    await page.getByRole('searchbox', { name: /^(suche|search)/i }).fill(lastName);
    await expect
      .poll(() => page.getByRole('cell', { name: new RegExp(email) }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    // The colleague opens the link in their own browser (no shared cookies) and sets a password.
    // Left open if the test fails, so the failure screenshot shows this page too; the fixture closes it.
    const theirs = await browser.newContext({ ...DESKTOP, baseURL: baseUrl(), locale: 'de-DE' });
    theirs.setDefaultTimeout(10_000);
    const newcomer = await theirs.newPage();
    await newcomer.goto(new URL(link).pathname + new URL(link).search, { waitUntil: 'domcontentloaded' });
    // The page greets the invited person by name once it has checked the link.
    await expectHeading(newcomer, /nora/i);
    await newcomer.getByLabel(/^(neues passwort|new password)(\s*\*)?$/i).fill('ein-sehr-gutes-passwort');
    await newcomer
      .getByLabel(/^(neues passwort wiederholen|repeat new password|confirm new password)/i)
      .fill('ein-sehr-gutes-passwort');
    await newcomer.getByRole('button', { name: /passwort festlegen|set password/i }).click();
    const nav = mainNavigation(newcomer);
    await nav.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await nav.getByRole('link', { name: /^(profil|profile)$/i }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: /^(personen|people)$/i }).count()).toBe(0);
    await expect.poll(() => newcomer.getByText(email, { exact: true }).count()).toBeGreaterThan(0);
    await theirs.close();
  });
});
