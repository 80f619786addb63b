import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect, inject, test as base } from 'vitest';
import { SCREENSHOT_DIR } from './paths.js';

// Shared pieces of the browser tests: one headless Debian Chromium per test file, a fresh browser context
// (own cookies and storage) per test, a screenshot when a test fails, sign-in and the axe check.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export const DEMO_PASSWORD = 'freiraum-demo-2026';

export const baseUrl = (): string => inject('baseUrl');

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

function screenshotName(testName: string): string {
  return `${testName
    .replace(/[^\w-]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100)}-${Date.now()}.png`;
}

interface Fixtures {
  browser: Browser;
  /** Options for the context of `page`; override per file with `test.override({ contextOptions })`. */
  contextOptions: BrowserContextOptions;
  page: Page;
}

export const test = base.extend<Fixtures>({
  browser: [
    // eslint-disable-next-line no-empty-pattern -- vitest requires an object pattern for fixture dependencies.
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  contextOptions: DESKTOP,
  page: async ({ browser, contextOptions, task }, use) => {
    const context = await browser.newContext({ baseURL: baseUrl(), locale: 'de-DE', ...contextOptions });
    // Fail fast: a person would not wait 30 s for a button either.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await use(page);
    // The test has finished here: keep a picture of every page it had open if it failed.
    if (task.result?.state === 'fail') {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const pages = browser.contexts().flatMap((c) => c.pages());
      for (const [i, open] of pages.entries()) {
        const file = path.join(SCREENSHOT_DIR, screenshotName(`${task.fullName ?? task.name}${i ? `-${i + 1}` : ''}`));
        await open.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        console.error(`Screenshot of the failed test: ${file}`);
      }
    }
    // Also any context the test opened itself (e.g. a second person's browser).
    for (const open of browser.contexts()) await open.close();
  },
});

/** Opens the app and signs in through the sign-in form; resolves once the signed-in shell is shown. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^(e-mail|email)/i).fill(email);
  await page.getByLabel(/^(passwort|password)/i).fill(password);
  await page.getByRole('button', { name: /^(anmelden|sign in)$/i }).click();
  // Desktop: the sidebar navigation appears; phone: the menu button that opens it.
  await mainNavigation(page).or(menuButton(page)).first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** The app's main navigation (the sidebar on a desktop; on a phone it is inside the menu). */
export function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: /^(hauptnavigation|main navigation)$/i });
}

/** The button that opens the navigation on a narrow screen. */
export function menuButton(page: Page) {
  return page.getByRole('button', { name: /^(menü|menu)(\s|$)/i });
}

/** Text of the page's first level-1 heading (waits for it). */
export async function pageHeading(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 1 }).first();
  await heading.waitFor({ state: 'visible', timeout: 15_000 });
  return (await heading.textContent())?.trim() ?? '';
}

/** Waits until the page's level-1 heading matches (after a click that navigates). */
export async function expectHeading(page: Page, heading: RegExp): Promise<void> {
  await expect.poll(() => pageHeading(page), { timeout: 15_000 }).toMatch(heading);
}

/** Opens a page by its address, waits for its heading (pages show a loading heading first) and lets it settle. */
export async function openPage(page: Page, path: string, heading: RegExp): Promise<void> {
  await page.goto(path);
  await expectHeading(page, heading);
  // Let data requests settle, so checks see the page as a person would, not its loading state.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.state--loading, [aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

const SERIOUS = new Set(['serious', 'critical']);

/** Runs axe-core on the current page and fails on any serious or critical violation, listing them. */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => SERIOUS.has(v.impact ?? ''));
  const report = serious
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n${nodes}`;
    })
    .join('\n');
  expect(serious, `axe-core on "${label}" (${page.url()}) found:\n${report}`).toHaveLength(0);
}
