/** Page helpers for the e2e specs: flows driven like a person would, axe scans and screenshots. */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { defaultQuestionCatalogue } from '../../electron/config/default-questions';
import { demoAnswers } from '../support/host/stack';

export const screenshotDir = 'test-results/screens';

/** A page that fails the test on any console error or uncaught exception (CSP violations included). */
export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await use(page);
    expect(problems, 'console errors').toEqual([]);
  },
});

/** Scans the current screen with axe (WCAG 2.x A/AA) and saves a screenshot named after it. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150); // let the focus move and the transition settle before the picture
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${name}`).toEqual([]);
}

export async function expectScreen(page: Page, screen: string): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-screen', screen);
}

export async function startFlow(page: Page, url: string, flow: string, username: string): Promise<void> {
  await page.goto(url);
  await expectScreen(page, 'start');
  await page.locator(`[data-flow=${flow}]`).click();
  await expectScreen(page, 'username');
  await page.getByLabel('Username', { exact: true }).fill(username);
  await submit(page);
}

const idByText = new Map(defaultQuestionCatalogue.map((q) => [q.text.en, q.id]));

/** Fills each presented question with `answerFor(questionId)`. */
export async function answerQuestions(page: Page, answerFor: (id: string) => string = (id) => demoAnswers[id]!): Promise<void> {
  await expectScreen(page, 'questions');
  const fields = page.locator('form .field');
  const count = await fields.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const text = (await fields.nth(i).locator('label').innerText()).trim();
    const id = idByText.get(text);
    if (!id) throw new Error(`question not in the catalogue: ${text}`);
    await fields.nth(i).locator('input').fill(answerFor(id));
  }
}

/** Submits the screen's form and waits for the main side's answer (the app counts turns). */
export async function submit(page: Page): Promise<void> {
  const app = page.locator('.app');
  const before = await app.getAttribute('data-turn');
  await page.locator('form button[type=submit]').click();
  await expect(app).not.toHaveAttribute('data-turn', before ?? '');
}

/** A code of the next TOTP step, so it never repeats one already used in the current step. */
export async function nextCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}
