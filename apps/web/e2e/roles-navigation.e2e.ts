import { describe, expect } from 'vitest';
import { expectHeading, mainNavigation, signIn, test } from './support/browser.js';

// Every demo account signs in and sees the navigation its roles allow — no more, no less.

const ALWAYS = [/^(start|home)$/i, /^(benachrichtigungen|notifications)\b/i, /^(profil|profile)$/i];
const HR_AND_ADMIN = [/^(personen|people)$/i, /^import$/i];
const ADMIN_ONLY = [/^(einstellungen|settings)$/i, /^(ki-richtlinie|ai policy)$/i, /^(protokoll|audit log)$/i];

const ACCOUNTS = [
  { email: 'chefin@muster.example', roles: 'manager, employee', hr: false, admin: false },
  { email: 'manager@muster.example', roles: 'manager, employee', hr: false, admin: false },
  { email: 'hr@muster.example', roles: 'hr, employee', hr: true, admin: false },
  { email: 'admin@muster.example', roles: 'admin, employee', hr: true, admin: true },
  { email: 'sales@muster.example', roles: 'employee', hr: false, admin: false },
  { email: 'translation@muster.example', roles: 'employee', hr: false, admin: false },
  { email: 'verwaltung@muster.example', roles: 'employee', hr: false, admin: false },
] as const;

describe('sign-in and navigation per role', () => {
  test.for(ACCOUNTS)('$email ($roles) sees the navigation of their roles', async (account, { page }) => {
    await signIn(page, account.email);
    const nav = mainNavigation(page);
    const count = (name: RegExp) => nav.getByRole('link', { name }).count();

    for (const name of ALWAYS) expect(await count(name), `link ${name}`).toBe(1);
    for (const name of HR_AND_ADMIN) expect(await count(name), `link ${name}`).toBe(account.hr ? 1 : 0);
    for (const name of ADMIN_ONLY) expect(await count(name), `link ${name}`).toBe(account.admin ? 1 : 0);
    await expect.poll(() => page.getByText(account.email, { exact: true }).count()).toBeGreaterThan(0);
  });

  test('an employee who types an admin address gets no admin page', async ({ page }) => {
    await signIn(page, 'sales@muster.example');
    await page.goto('/admin/settings');
    await expectHeading(page, /^(kein zugriff|no access)$/i);
    expect(await page.getByRole('button', { name: /^(speichern|save)/i }).count()).toBe(0);
  });

  test('a wrong password keeps the user on the sign-in page with a message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel(/^(e-mail|email)/i).fill('translation@muster.example');
    await page.getByLabel(/^(passwort|password)/i).fill('not-the-password');
    await page.getByRole('button', { name: /^(anmelden|sign in)$/i }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/falsch|wrong/i);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  test('signing out ends the session, also after a reload', async ({ page }) => {
    await signIn(page, 'verwaltung@muster.example');
    await page.reload();
    // A reload keeps the user signed in (refresh cookie → new in-memory access token).
    await mainNavigation(page).waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByRole('button', { name: /^(abmelden|sign out)$/i }).click();
    await page.waitForURL(/\/sign-in/);
    await page.reload();
    await page.getByRole('button', { name: /^(anmelden|sign in)$/i }).waitFor({ state: 'visible' });
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
