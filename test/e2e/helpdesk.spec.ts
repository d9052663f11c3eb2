/**
 * Help desk through the Sesame host in Chromium on the real slapd: the integration suite's "full operator"
 * scenario driven by a person at the keyboard, a read-only operator who sees no actions and whose forged
 * call is refused on the main side, paging, answers in German with the lockout gate, the kiosk link and
 * the idle sign-out; axe scan and screenshot of every help-desk screen.
 */
import { expect, test as plainTest } from '@playwright/test';
import { PasswordModifyAdapter } from '../../electron/directory/password-modify/adapter';
import { createDispatch } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { startHost } from '../../electron/host/server';
import { rendererRoot } from '../support/host/stack';
import { canBind, createUser, readEntry } from '../support/slapd-users';
import { passwordModifyConfig } from '../support/slapd/password-modify-config';
import { enrollOverHttp } from './enroll';
import { e2eFacts } from './facts';
import { answerInGerman, expectHelpdeskScreen, lock, signInAndOpen } from './helpdesk-support';
import { checkScreen, nextCode, test } from './support';

const facts = e2eFacts();
const helpdeskUrl = `${facts.url}/#/helpdesk`;

test('full operator: finds a locked user, verifies the caller by TOTP, unlocks, resets with a generated password the user must change', async ({ page }) => {
  const operator = await createUser(facts.slapd, { prefix: 'hdop', groups: [facts.slapd.helpdeskGroupDn] });
  const user = await createUser(facts.slapd, { prefix: 'hdcaller' });
  const secret = await enrollOverHttp(facts.url, user.uid, user.password);
  await lock(facts.slapd, user);

  await page.goto(helpdeskUrl);
  await expectHelpdeskScreen(page, 'signIn');
  await checkScreen(page, 'hd-01-sign-in');
  // A wrong operator password is refused in plain words.
  await page.getByLabel('Your username', { exact: true }).fill(operator.uid);
  await page.getByLabel('Your password', { exact: true }).fill('Not-the-password-1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Sign-in failed. Check your username and password.');
  await checkScreen(page, 'hd-02-sign-in-refused');
  await expect(page.getByLabel('Your password', { exact: true })).toHaveValue('');

  await page.reload(); // a fresh page: signInAndOpen starts from empty fields
  await signInAndOpen(page, helpdeskUrl, operator, user);
  await expect(page.locator('.hd-operator')).toHaveText(`Signed in as ${operator.displayName}`);
  await expect(page.locator('.hd-badge')).toContainText(['Cannot sign in', 'Locked']);
  await expect(page.locator('.hd-fact', { hasText: 'Failed sign-ins' }).locator('dd')).toHaveText('3');
  await expect(page.locator('.hd-fact', { hasText: 'Security answers' }).locator('dd')).toHaveText('3 registered');
  await expect(page.locator('.hd-fact', { hasText: 'Authenticator app' }).locator('dd')).toHaveText('Yes');
  await expect(page.locator('.hd-fact', { hasText: 'Self-service lockout' }).locator('dd')).toHaveText('Open (0 failed attempts)');
  await expect(page.getByText('Verify the caller first: changes are refused until then.')).toBeVisible();
  await checkScreen(page, 'hd-04-panel-locked');

  // Before verification the main side refuses the action, whatever the page shows.
  await page.locator('[data-action=unlock]').click();
  await expect(page.getByRole('alert')).toHaveText('Verify the caller first.');

  await page.getByRole('button', { name: 'Ask for an authenticator code' }).click();
  await expectHelpdeskScreen(page, 'challenge');
  await expect(page.getByLabel('Code read by the caller', { exact: true })).toBeFocused();
  await checkScreen(page, 'hd-05-challenge-totp');
  await page.keyboard.type(await nextCode(secret));
  await page.keyboard.press('Enter');
  await expectHelpdeskScreen(page, 'panel');
  await expect(page.locator('[data-verified=true]')).toContainText('Caller verified by authenticator code');

  await page.locator('[data-action=unlock]').click();
  await expect(page.getByRole('status').filter({ hasText: 'The account is unlocked.' })).toBeVisible();
  await expect(page.locator('.hd-badge')).toHaveText(['Can sign in']);
  await checkScreen(page, 'hd-06-panel-unlocked');
  expect(await canBind(facts.slapd, user.dn, user.password)).toBe(true);

  await expect(page.getByLabel('User must change the password at next sign-in')).toBeChecked();
  await page.locator('[data-action=resetPassword]').click();
  await expectHelpdeskScreen(page, 'passwordReset');
  await expect(page.getByText('They must choose a new password at their next sign-in.')).toBeVisible();
  const temporaryPassword = (await page.locator('.hd-password-value').innerText()).trim();
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(14);
  expect(await page.locator('.hd-password-value').evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');
  await checkScreen(page, 'hd-07-password-reset');

  // The user signs in with it and is made to change it; the old password no longer works.
  expect(await canBind(facts.slapd, user.dn, user.password)).toBe(false);
  const directory = new PasswordModifyAdapter(passwordModifyConfig(facts.slapd));
  try {
    const resolved = await directory.resolveUser(user.uid);
    await expect(directory.verifyPassword(resolved, temporaryPassword)).rejects.toMatchObject({ code: 'passwordMustChange' });
  } finally {
    await directory.close();
  }

  await page.getByRole('button', { name: 'Done, hide the password' }).click();
  await expectHelpdeskScreen(page, 'panel');
  await expect(page.locator('.hd-password-value')).toHaveCount(0);
  await expect(page.locator('.hd-fact', { hasText: 'Must change password' }).locator('dd')).toHaveText('Yes');
  await checkScreen(page, 'hd-08-panel-after-reset');

  // Password metadata, re-read from the directory after each change.
  await page.locator('[data-action=setPasswordNeverExpires]').click();
  await expect(page.getByRole('status').filter({ hasText: 'Password expiry updated.' })).toBeVisible();
  await expect(page.locator('.hd-fact', { hasText: 'Password never expires' }).locator('dd')).toHaveText('Yes');
  await expect(page.locator('[data-action=setPasswordNeverExpires]')).toHaveText('Clear “password never expires”');
  expect((await readEntry(facts.slapd, user.dn, ['pwdPolicySubentry'])).pwdPolicySubentry).toEqual([facts.slapd.neverExpiresPolicyDn]);
  await page.getByLabel('Valid until (date)').fill('2031-05-17');
  await page.getByRole('button', { name: 'Save end date' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'End date updated.' })).toBeVisible();
  await expect(page.locator('.hd-fact', { hasText: 'Valid until' }).locator('dd')).toContainText('2031');
  await expect(page.getByLabel('Valid until (date)')).toHaveValue('2031-05-17');
  await page.getByRole('button', { name: 'Remove end date' }).click();
  await expect(page.locator('.hd-fact', { hasText: 'Valid until' }).locator('dd')).toHaveText('No end date');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectHelpdeskScreen(page, 'signIn');
});

test('read-only operator: sees the account but no actions, and a forged unlock is refused on the main side', async ({ page }) => {
  const reader = await createUser(facts.slapd, { prefix: 'hdreader', groups: [facts.slapd.helpdeskReadersGroupDn] });
  const user = await createUser(facts.slapd, { prefix: 'hdlocked' });
  await lock(facts.slapd, user);

  await signInAndOpen(page, helpdeskUrl, reader, user);
  await expect(page.locator('.hd-badge')).toContainText(['Locked']);
  await expect(page.locator('[data-action]')).toHaveCount(0);
  await expect(page.getByText('You have no rights for changes on this account.')).toBeVisible();
  await checkScreen(page, 'hd-09-panel-read-only');

  // The page hides nothing the main side would allow: call it directly with this browser's session.
  const forged = await page.evaluate(
    async ({ username, password, userDn }) => {
      const session = (await (await fetch('/api/session')).json()) as { value: { csrfToken: string } };
      const post = async (call: string, body: unknown) => {
        const response = await fetch(`/api/${call}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Sesame-CSRF': session.value.csrfToken },
          body: JSON.stringify(body),
        });
        return (await response.json()) as { ok: boolean; value: { view: string; reason?: string; operator?: { operatorSessionId: string } } };
      };
      const signedIn = await post('helpdesk.signIn', { username, password });
      const operatorSessionId = signedIn.value.operator?.operatorSessionId ?? '';
      return {
        signedIn: signedIn.value.view,
        unlock: (await post('helpdesk.unlock', { operatorSessionId, userDn })).value,
        reset: (await post('helpdesk.resetPassword', { operatorSessionId, userDn })).value,
      };
    },
    { username: reader.uid, password: reader.password, userDn: user.dn },
  );
  expect(forged).toEqual({ signedIn: 'signedIn', unlock: { view: 'refused', reason: 'notPermitted' }, reset: { view: 'refused', reason: 'notPermitted' } });
  expect(await canBind(facts.slapd, user.dn, user.password)).toBe(false);
  await page.getByRole('button', { name: 'Back to search' }).click();
  await expectHelpdeskScreen(page, 'search');
  await checkScreen(page, 'hd-03-search-results');

  // Paging (the e2e host's page size is 2): three people share a tag.
  const tag = `hdpage${Date.now().toString(36)}`;
  const tagged = [await createUser(facts.slapd, { prefix: tag }), await createUser(facts.slapd, { prefix: tag }), await createUser(facts.slapd, { prefix: tag })];
  await page.getByLabel('Search', { exact: true }).fill(tag);
  await page.keyboard.press('Enter');
  await expect(page.locator('.hd-result')).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 2, name: 'Results 1–2' })).toBeFocused();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Results 3–3' })).toBeVisible();
  await expect(page.locator('.hd-result')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Next page' })).toHaveCount(0);
  await checkScreen(page, 'hd-13-search-second-page');
  const seen = [...(await page.locator('.hd-result-meta').allInnerTexts())];
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Results 1–2' })).toBeVisible();
  seen.push(...(await page.locator('.hd-result-meta').allInnerTexts()));
  expect(seen.map((text) => text.split(' · ')[0]).sort()).toEqual(tagged.map((u) => u.uid).sort());
});

test('in German: wrong answers close the caller’s self-service lockout, the operator reopens it, then verifies by answers', async ({ page }) => {
  const operator = await createUser(facts.slapd, { prefix: 'hdopde', groups: [facts.slapd.helpdeskGroupDn] });
  const user = await createUser(facts.slapd, { prefix: 'hdanswers' });
  await enrollOverHttp(facts.url, user.uid, user.password);

  await page.goto(helpdeskUrl);
  await expectHelpdeskScreen(page, 'signIn');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Helpdesk-Anmeldung');
  await expect(page).toHaveTitle('Helpdesk · Sesame');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByLabel('Ihr Benutzername', { exact: true }).fill(operator.uid);
  await page.getByLabel('Ihr Passwort', { exact: true }).fill(operator.password);
  await page.keyboard.press('Enter');
  await expectHelpdeskScreen(page, 'search');
  await page.getByLabel('Suche', { exact: true }).fill(user.uid);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: `${user.displayName} öffnen` }).click();
  await expectHelpdeskScreen(page, 'panel');

  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.getByRole('button', { name: 'Sicherheitsfragen stellen' }).click();
    await expectHelpdeskScreen(page, 'challenge');
    if (attempt === 1) await checkScreen(page, 'hd-10-challenge-answers-de');
    await answerInGerman(page, 'falsch');
    await expect(page.getByRole('alert')).toHaveText(
      attempt < 3
        ? 'Das stimmt nicht. Der Fehlversuch zählt zur Self-Service-Sperre des Benutzers.'
        : 'Self-Service ist für diesen Benutzer gesperrt; der Anrufer kann jetzt nicht geprüft werden.',
    );
  }
  await expect(page.locator('.hd-fact', { hasText: 'Self-Service-Sperre' }).locator('dd')).toContainText('Gesperrt bis');
  await expect(page.getByRole('button', { name: 'Sicherheitsfragen stellen' })).toHaveCount(0);
  await checkScreen(page, 'hd-11-panel-gate-closed-de');

  // Reopening a closed gate needs no verification: the caller could not pass one.
  await page.locator('[data-action=clearLockoutGate]').click();
  await expect(page.getByRole('status').filter({ hasText: 'Self-Service-Sperre aufgehoben.' })).toBeVisible();
  await expect(page.locator('.hd-fact', { hasText: 'Self-Service-Sperre' }).locator('dd')).toHaveText('Offen (0 Fehlversuche)');

  await page.getByRole('button', { name: 'Sicherheitsfragen stellen' }).click();
  await answerInGerman(page);
  await expect(page.locator('[data-verified=true]')).toContainText('Anrufer per Sicherheitsantworten geprüft');
  await checkScreen(page, 'hd-12-panel-verified-de');

  // Clearing the enrollment asks once more, focus on the confirmation; "keep" changes nothing.
  await page.getByRole('button', { name: 'Registrierung löschen' }).click();
  await expect(page.locator('[data-action=clearEnrollment]')).toBeFocused();
  await checkScreen(page, 'hd-15-confirm-clear-enrollment-de');
  await page.getByRole('button', { name: 'Registrierung behalten' }).click();
  await expect(page.locator('[data-action=clearEnrollment]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Registrierung löschen' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Registrierung gelöscht.' })).toBeVisible();
  await expect(page.locator('.hd-fact', { hasText: 'Authenticator-App' }).locator('dd')).toHaveText('Nein');
  await expect(page.locator('.hd-fact', { hasText: 'Sicherheitsantworten' }).locator('dd')).toHaveText('Nein');
});

// Plain page: the host answers `unavailable` with HTTP 503, which Chromium logs as a console error.
plainTest('a kiosk links to the help desk only when configured; without a deployed help desk its calls read as unavailable', async ({ page }) => {
  await page.goto(facts.url);
  await expect(page.locator('.app')).toHaveAttribute('data-screen', 'start');
  await expect(page.locator('a[href="#/helpdesk"]')).toHaveCount(0);

  const appInfo = {
    languages: { default: 'en' as const, available: ['en' as const] },
    kiosk: { enabled: true, idleTimeoutSeconds: 90, enabledFlows: ['forgotPassword' as const], helpDeskOffered: true },
    serviceAvailable: true,
  };
  const offering = await startHost({ staticRoot: rendererRoot }, createDispatch(createHandlers({ appInfo })));
  try {
    await page.goto(offering.url);
    const link = page.getByRole('link', { name: 'Help desk sign-in' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expectHelpdeskScreen(page, 'signIn');
    await page.getByLabel('Your username', { exact: true }).fill('operator');
    await page.getByLabel('Your password', { exact: true }).fill('Operator-1');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Sesame is not reachable right now. Try again in a moment.');
  } finally {
    await offering.close();
  }
});

test('an operator who walks away is warned, then signed out', async ({ page }) => {
  const reader = await createUser(facts.slapd, { prefix: 'hdidle', groups: [facts.slapd.helpdeskReadersGroupDn] });
  await page.clock.install();
  await page.goto(helpdeskUrl);
  await page.getByLabel('Your username', { exact: true }).fill(reader.uid);
  await page.getByLabel('Your password', { exact: true }).fill(reader.password);
  await page.keyboard.press('Enter');
  await expectHelpdeskScreen(page, 'search');
  // The kiosk's idle timeout is 90 s; operators get at least 120 s, the last 15 with a warning.
  await page.clock.fastForward(110_000);
  await expect(page.getByRole('alert')).toContainText('Still there? You will be signed out in');
  await checkScreen(page, 'hd-14-idle-warning');
  await page.clock.fastForward(12_000);
  await expectHelpdeskScreen(page, 'signIn');
  await expect(page.locator('.hd-operator')).toHaveCount(0);
});

test('in French: the sign-in refusal reads in French, accessible', async ({ page }) => {
  await page.goto(helpdeskUrl);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion du support');
  await page.getByLabel('Votre nom d’utilisateur', { exact: true }).fill('personne');
  await page.getByLabel('Votre mot de passe', { exact: true }).fill('Pas-le-bon-1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Échec de la connexion. Vérifiez votre nom d’utilisateur et votre mot de passe.');
  await checkScreen(page, 'hd-16-sign-in-refused-fr');
});
