/** Help-desk page helpers for the e2e specs: screens, sign-in and search by keyboard, locking, answers. */
import { expect, type Page } from '@playwright/test';
import { defaultQuestionCatalogue } from '../../electron/config/default-questions';
import { demoAnswers } from '../support/host/stack';
import type { SlapdInfo } from '../support/servers';
import { canBind, type TestUser } from '../support/slapd-users';

export async function expectHelpdeskScreen(page: Page, screen: string): Promise<void> {
  await expect(page.locator('.hd-app')).toHaveAttribute('data-helpdesk-screen', screen);
  await expect(page.locator('.hd-app')).not.toHaveAttribute('data-busy', 'true');
}

/** Sign-in and search, keyboard only; leaves the account panel of `user` open. */
export async function signInAndOpen(page: Page, helpdeskUrl: string, operator: TestUser, user: TestUser): Promise<void> {
  await page.goto(helpdeskUrl);
  await expectHelpdeskScreen(page, 'signIn');
  await expect(page.getByLabel('Your username', { exact: true })).toBeFocused();
  await page.keyboard.type(operator.uid);
  await page.keyboard.press('Tab');
  await page.keyboard.type(operator.password);
  await page.keyboard.press('Enter');
  await expectHelpdeskScreen(page, 'search');
  await expect(page.getByLabel('Search', { exact: true })).toBeFocused();
  await page.keyboard.type(user.uid.slice(0, -2));
  await page.keyboard.press('Enter');
  const result = page.getByRole('button', { name: `Open ${user.displayName}` });
  await expect(result).toBeVisible();
  await result.focus();
  await page.keyboard.press('Enter');
  await expectHelpdeskScreen(page, 'panel');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(user.displayName);
}

/** Three bad binds: the harness's ppolicy locks the account. */
export async function lock(slapd: SlapdInfo, user: TestUser): Promise<void> {
  for (let i = 0; i < 3; i++) expect(await canBind(slapd, user.dn, 'Wrong-password-1')).toBe(false);
}

/** Fills the presented questions (German texts) with the right answers, or `wrong` for each. */
export async function answerInGerman(page: Page, wrong?: string): Promise<void> {
  const idByGermanText = new Map(defaultQuestionCatalogue.map((q) => [q.text.de, q.id]));
  const fields = page.locator('form .field');
  await expect(fields).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const id = idByGermanText.get((await fields.nth(i).locator('label').innerText()).trim());
    if (!id) throw new Error('question not in the catalogue');
    await fields.nth(i).locator('input').fill(wrong ?? demoAnswers[id]!);
  }
  await page.getByRole('button', { name: 'Prüfen' }).click();
  await expectHelpdeskScreen(page, 'panel');
}
