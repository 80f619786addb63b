import { loadContent, type PromptContent, type QuizContent } from '@freiraum/content';
import { describe, expect } from 'vitest';
import { signIn, test } from './support/browser.js';
import type { Page } from 'playwright-core';

// Issue 3's journeys, as people do them: sales@ completes a module with a quiz and a prompt exercise and
// sees the progress bar move; manager@ accepts a practice submission and the learner sees it.

const { content } = loadContent();
const exercise = <T>(slug: string) => content.exercises.find((e) => e.slug === slug) as unknown as T;

/** The own path's progress bar on "Mein Lernen" (modules completed). */
async function pathProgress(page: Page): Promise<number> {
  const bar = page.getByRole('progressbar', { name: /KI im Vertrieb/ });
  await bar.waitFor();
  return Number(await bar.getAttribute('aria-valuenow'));
}

describe('learning by doing', () => {
  test('sales@ completes a module with a quiz and a prompt, and the path progress moves', async ({ page }) => {
    await signIn(page, 'sales@muster.example');
    await page.goto('/learning');
    const before = await pathProgress(page);

    await page.goto('/learning/modules/sales-account-research');
    await page.getByRole('heading', { level: 1 }).waitFor();

    const prompt = exercise<PromptContent>('account-research-prompt');
    const good = prompt.examples.good.find((g) => g.lang === 'de') ?? prompt.examples.good[0];
    await page.getByLabel('Ihr Prompt', { exact: true }).fill(good.text);
    await page.getByRole('button', { name: 'Prompt prüfen lassen' }).click();
    await expect.poll(() => page.getByText('erfüllt', { exact: true }).count()).toBeGreaterThan(0);

    const quiz = exercise<QuizContent>('research-quiz');
    for (const question of quiz.questions) {
      for (const option of question.options.filter((o) => o.correct)) {
        await page.getByLabel(option.text.de, { exact: true }).check();
      }
    }
    await page.getByRole('button', { name: 'Antworten abgeben' }).click();
    await expect.poll(() => page.getByText(/Modul.*abgeschlossen/).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.goto('/learning');
    await expect.poll(() => pathProgress(page)).toBe(before + 1);
  });

  test('manager@ accepts a practice submission and the learner sees it', async ({ browser, page }) => {
    await signIn(page, 'manager@muster.example');
    await page.goto('/reviews');
    const card = page.getByRole('article').filter({ hasText: 'Anna Schröder' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Annehmen' }).click();
    await expect.poll(() => page.getByText(/Angenommen – Anna wird benachrichtigt/).count()).toBeGreaterThan(0);

    const learnerContext = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'de-DE' });
    const learner = await learnerContext.newPage();
    await signIn(learner, 'translation@muster.example');
    await learner.goto('/learning/modules/trans-role-shift');
    await expect.poll(() => learner.getByText('Angenommen', { exact: true }).count()).toBeGreaterThan(0);
  });
});
