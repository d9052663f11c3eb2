/** The flows through the Sesame host on Samba AD (Active Directory adapter): reset after enrollment, unlock. */
import { expect } from '@playwright/test';
import { canBind, createUser } from '../support/samba-users';
import { enrollOverHttp } from './enroll';
import { e2eFacts } from './facts';
import { answerQuestions, checkScreen, expectScreen, nextCode, startFlow, submit, test } from './support';

const facts = e2eFacts();

test('Samba AD: enrolled person resets a forgotten password through questions and TOTP', async ({ page }) => {
  const user = await createUser(facts.samba, { prefix: 'e2e' });
  const secret = await enrollOverHttp(facts.sambaUrl, user.sAMAccountName, user.password);
  await startFlow(page, facts.sambaUrl, 'forgotPassword', user.sAMAccountName);
  await answerQuestions(page);
  await submit(page);
  await expectScreen(page, 'totp');
  await page.getByLabel('Verification code', { exact: true }).fill(await nextCode(secret));
  await submit(page);
  await expectScreen(page, 'newPassword');
  // AD complexity: the checklist shows the domain's rules, failing for a weak candidate.
  await page.getByLabel('New password', { exact: true }).fill('weak');
  await expect(page.locator('[data-rule=complexity]')).toHaveAttribute('data-state', 'fail');
  await checkScreen(page, 'samba-01-new-password');
  const newPassword = `Ad-${Date.now().toString(36)}-Reset!`;
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await expect(page.locator('[data-rule=complexity]')).toHaveAttribute('data-state', 'pass');
  await page.getByLabel('Type it again', { exact: true }).fill(newPassword);
  await submit(page);
  await expectScreen(page, 'done');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your password has been reset');
  await checkScreen(page, 'samba-02-done-reset');
  expect(await canBind(facts.samba, user.dn, newPassword)).toBe(true);
});

test('Samba AD: an account locked by bad binds is unlocked after the questions', async ({ page }) => {
  const user = await createUser(facts.samba, { prefix: 'e2e' });
  await enrollOverHttp(facts.sambaUrl, user.sAMAccountName, user.password);
  for (let i = 0; i < 3; i++) await canBind(facts.samba, user.dn, 'Bad-password-1');
  expect(await canBind(facts.samba, user.dn, user.password)).toBe(false);
  await startFlow(page, facts.sambaUrl, 'unlockAccount', user.sAMAccountName);
  await answerQuestions(page);
  await submit(page);
  await expectScreen(page, 'done');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account is unlocked');
  await checkScreen(page, 'samba-03-done-unlocked');
  expect(await canBind(facts.samba, user.dn, user.password)).toBe(true);
});
