/** Every flow through the Sesame host in Chromium, against the real slapd; axe scan and screenshot of each screen. */
import { expect, test as plainTest } from '@playwright/test';
import { generate } from 'otplib';
import { canBind, createUser } from '../support/slapd-users';
import { defaultQuestionCatalogue } from '../../electron/config/default-questions';
import { demoAnswers } from '../support/host/stack';
import { enrollOverHttp } from './enroll';
import { e2eFacts } from './facts';
import { answerQuestions, checkScreen, expectScreen, nextCode, startFlow, submit, test } from './support';

const facts = e2eFacts();

test('start screen: every flow offered, languages switch, accessible in each', async ({ page }) => {
  await page.goto(facts.url);
  await expectScreen(page, 'start');
  await expect(page.locator('.flow-card')).toHaveCount(4);
  await expect(page.locator('.flow-card').first()).toBeFocused();
  await checkScreen(page, '01-start-en');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmeldung klappt nicht?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await checkScreen(page, '01-start-de');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impossible de vous connecter ?');
  await checkScreen(page, '01-start-fr');
});

test('in German, the flow and its questions come in German', async ({ page }) => {
  await page.goto(facts.url);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.locator('[data-flow=forgotPassword]').click();
  await page.getByLabel('Benutzername', { exact: true }).fill(`niemand-${Date.now()}`);
  await submit(page);
  await expectScreen(page, 'questions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beantworten Sie Ihre Sicherheitsfragen');
  const germanQuestions = new Set(defaultQuestionCatalogue.map((q) => q.text.de));
  for (const label of await page.locator('form .field label').allInnerTexts()) expect(germanQuestions).toContain(label.trim());
  await checkScreen(page, '07-questions-de');
});

test('large touch targets, and usable in a forced-colors (high contrast) theme', async ({ page }) => {
  await page.goto(facts.url);
  await expectScreen(page, 'start');
  const small = await page.locator('button, input, select, a').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && (r.height < 44 || r.width < 44)).length,
  );
  expect(small).toBe(0);
  await page.emulateMedia({ forcedColors: 'active' });
  await checkScreen(page, '01-start-forced-colors');
  await page.locator('[data-flow=forgotPassword]').click();
  await expectScreen(page, 'username');
  await checkScreen(page, '02-username-forced-colors');
});

test('enroll, then forgot password with reset, keyboard only', async ({ page }) => {
  const user = await createUser(facts.slapd, { prefix: 'enroll' });
  await page.goto(facts.url);
  await expect(page.locator('.flow-card').first()).toBeFocused();
  // Keyboard only: Tab to the fourth card (Register), Enter.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(page.locator('[data-flow=enroll]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expectScreen(page, 'username');
  await expect(page.getByLabel('Username', { exact: true })).toBeFocused();
  await checkScreen(page, '02-username');
  await page.keyboard.type(user.uid);
  await page.keyboard.press('Enter');

  await expectScreen(page, 'currentPassword');
  await expect(page.getByLabel('Current password', { exact: true })).toBeFocused();
  await checkScreen(page, '03-current-password');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');

  await expectScreen(page, 'enrollQuestions');
  await checkScreen(page, '04-enroll-questions');
  const selects = page.locator('select');
  const count = await selects.count();
  expect(count).toBe(3);
  for (let i = 0; i < count; i++) {
    const select = selects.nth(i);
    const options = await select.locator('option:not([disabled])').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    const id = options.find((o) => demoAnswers[o])!;
    await select.selectOption(id);
    await page.getByLabel(`Answer ${i + 1}`, { exact: true }).fill(demoAnswers[id]!);
  }
  await submit(page);

  await expectScreen(page, 'enrollTotp');
  await expect(page.getByRole('img', { name: 'QR code to add Sesame to your authenticator app' })).toBeVisible();
  await checkScreen(page, '05-enroll-totp');
  const uri = (await page.locator('.manual-key').getAttribute('data-otpauth'))!;
  const secret = new URL(uri).searchParams.get('secret')!;
  await expect(page.locator('.manual-key')).toHaveText(secret.replace(/(.{4})/g, '$1 ').trim());
  await page.getByLabel('Code from the app', { exact: true }).fill(await generate({ secret }));
  await page.keyboard.press('Enter');
  await expectScreen(page, 'done');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're all set");
  await checkScreen(page, '06-done-enrolled');
  await page.getByRole('button', { name: 'Done' }).click();

  await startFlow(page, facts.url, 'forgotPassword', user.uid);
  await answerQuestions(page);
  await checkScreen(page, '07-questions');
  await submit(page);
  await expectScreen(page, 'totp');
  await expect(page.getByLabel('Verification code', { exact: true })).toBeFocused();
  await checkScreen(page, '08-totp');
  await page.keyboard.type(await nextCode(secret));
  await page.keyboard.press('Enter');

  await expectScreen(page, 'newPassword');
  const newField = page.getByLabel('New password', { exact: true });
  await newField.fill('abc');
  await expect(page.locator('[data-rule=minLength]')).toHaveAttribute('data-state', 'fail');
  await checkScreen(page, '09-new-password-weak');
  const newPassword = `Sesame-${Date.now().toString(36)}-Ok!`;
  await newField.fill(newPassword);
  await expect(page.locator('[data-rule=minLength]')).toHaveAttribute('data-state', 'pass');
  await page.getByLabel('Type it again', { exact: true }).fill(newPassword);
  await checkScreen(page, '10-new-password-strong');
  await submit(page);
  await expectScreen(page, 'done');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your password has been reset');
  await checkScreen(page, '11-done-reset');
  expect(await canBind(facts.slapd, user.dn, newPassword)).toBe(true);
  expect(await canBind(facts.slapd, user.dn, user.password)).toBe(false);
});

test('wrong answers read the same for an enrolled and an unknown person, and the lockout gate closes', async ({ page }) => {
  const user = await createUser(facts.slapd, { prefix: 'wrong' });
  await enrollOverHttp(facts.url, user.uid, user.password);
  const wrong = () => 'not the answer';

  await startFlow(page, facts.url, 'forgotPassword', `nobody-${Date.now()}`);
  await answerQuestions(page, wrong);
  await submit(page);
  await expect(page.getByRole('alert')).toHaveText("Those answers don't match. Check the spelling and try again.");
  const unknownScreen = await page.locator('.card').innerText();

  await startFlow(page, facts.url, 'forgotPassword', user.uid);
  await answerQuestions(page, wrong);
  await submit(page);
  await expect(page.getByRole('alert')).toHaveText("Those answers don't match. Check the spelling and try again.");
  await checkScreen(page, '12-questions-wrong');
  const enrolledScreen = await page.locator('.card').innerText();
  const shape = (text: string) => text.split('\n').filter((line) => !line.endsWith('?')).join('\n');
  expect(shape(enrolledScreen)).toBe(shape(unknownScreen));

  for (let attempt = 2; attempt <= 3; attempt++) {
    await answerQuestions(page, wrong);
    await submit(page);
  }
  await expectScreen(page, 'failed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Too many attempts');
  await expect(page.getByRole('button', { name: 'Back to start' })).toBeFocused();
  await checkScreen(page, '13-failed-locked-out');

  // The gate stays closed for a new session, even with the right answers.
  await startFlow(page, facts.url, 'forgotPassword', user.uid);
  await expectScreen(page, 'failed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Too many attempts');
});

test('change password: a wrong current password, then the generic failure after three', async ({ page }) => {
  const user = await createUser(facts.slapd, { prefix: 'change' });
  await startFlow(page, facts.url, 'changePassword', user.uid);
  await expectScreen(page, 'currentPassword');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.getByLabel('Current password', { exact: true }).fill(`Wrong-${attempt}-password`);
    await submit(page);
    if (attempt < 3) await expect(page.getByRole('alert')).toHaveText("That password isn't right. Try again.");
  }
  await expectScreen(page, 'failed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("We couldn't verify it's you");
  await expect(page.getByRole('button', { name: 'Try again' })).toBeFocused();
  await checkScreen(page, '14-failed-generic');
});

test('change password with the current one', async ({ page }) => {
  const user = await createUser(facts.slapd, { prefix: 'change' });
  await startFlow(page, facts.url, 'changePassword', user.uid);
  await page.getByLabel('Current password', { exact: true }).fill(user.password);
  await submit(page);
  await expectScreen(page, 'newPassword');
  const newPassword = `Changed-${Date.now().toString(36)}-Pw!`;
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Type it again', { exact: true }).fill(`${newPassword}x`);
  await page.locator('form button[type=submit]').click(); // refused in the page: no call, no turn
  await expect(page.getByText("The two passwords don't match.")).toBeVisible();
  await page.getByLabel('Type it again', { exact: true }).fill(newPassword);
  await submit(page);
  await expectScreen(page, 'done');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your password has been changed');
  await checkScreen(page, '15-done-changed');
  expect(await canBind(facts.slapd, user.dn, newPassword)).toBe(true);
});

test('unlock an account locked by bad binds', async ({ page }) => {
  const user = await createUser(facts.slapd, { prefix: 'unlock' });
  await enrollOverHttp(facts.url, user.uid, user.password);
  for (let i = 0; i < 3; i++) await canBind(facts.slapd, user.dn, 'Bad-password-1');
  expect(await canBind(facts.slapd, user.dn, user.password)).toBe(false);
  await startFlow(page, facts.url, 'unlockAccount', user.uid);
  await answerQuestions(page);
  await submit(page);
  await expectScreen(page, 'done');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account is unlocked');
  await checkScreen(page, '16-done-unlocked');
  expect(await canBind(facts.slapd, user.dn, user.password)).toBe(true);
});

test('idle timeout warns, then returns to the start with everything cleared', async ({ page }) => {
  await page.goto(facts.idleUrl);
  await page.locator('[data-flow=forgotPassword]').click();
  await page.getByLabel('Username', { exact: true }).fill('someone');
  await expect(page.getByRole('alert')).toContainText('Still there?', { timeout: facts.idleSeconds * 1000 });
  await checkScreen(page, '17-idle-warning');
  await expectScreen(page, 'start');
  await page.locator('[data-flow=forgotPassword]').click();
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue('');
});

// The refused call logs a console error by design: this test uses the plain page.
plainTest('the host refuses a page call without the CSRF header', async ({ page }) => {
  await page.goto(facts.url);
  const status = await page.evaluate(async () => (await fetch('/api/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
  expect(status).toBe(403); // no CSRF header
});
