/**
 * Help desk through the Sesame host on Samba AD (operators delegated by dsacl): the full-operator scenario
 * on Active Directory, then the user is made to change the generated password.
 */
import { expect } from '@playwright/test';
import { ActiveDirectoryAdapter } from '../../electron/directory/active-directory/adapter';
import { directoryConfigSchema } from '../../electron/directory/config';
import { canBind, createUser } from '../support/samba-users';
import { enrollOverHttp } from './enroll';
import { e2eFacts } from './facts';
import { expectHelpdeskScreen } from './helpdesk-support';
import { checkScreen, nextCode, test } from './support';

const facts = e2eFacts();

test('Samba AD help desk: finds a locked user, verifies by TOTP, unlocks, resets; the user must change the password', async ({ page }) => {
  const samba = facts.samba;
  const operator = await createUser(samba, { prefix: 'hdop', groups: [samba.helpdeskGroupDn] });
  const user = await createUser(samba, { prefix: 'hdc' });
  const secret = await enrollOverHttp(facts.sambaUrl, user.sAMAccountName, user.password);
  for (let i = 0; i < 3; i++) await canBind(samba, user.dn, 'Bad-password-1');
  expect(await canBind(samba, user.dn, user.password)).toBe(false);

  await page.goto(`${facts.sambaUrl}/#/helpdesk`);
  await expectHelpdeskScreen(page, 'signIn');
  await page.getByLabel('Your username', { exact: true }).fill(operator.sAMAccountName);
  await page.getByLabel('Your password', { exact: true }).fill(operator.password);
  await page.keyboard.press('Enter');
  await expectHelpdeskScreen(page, 'search');
  await page.getByLabel('Search', { exact: true }).fill(user.sAMAccountName);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: `Open ${user.displayName}` }).click();
  await expectHelpdeskScreen(page, 'panel');
  await expect(page.locator('.hd-badge')).toContainText(['Locked']);
  await checkScreen(page, 'hd-samba-01-panel-locked');

  await page.getByRole('button', { name: 'Ask for an authenticator code' }).click();
  await page.getByLabel('Code read by the caller', { exact: true }).fill(await nextCode(secret));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-verified=true]')).toBeVisible();
  await page.locator('[data-action=unlock]').click();
  await expect(page.getByRole('status').filter({ hasText: 'The account is unlocked.' })).toBeVisible();
  expect(await canBind(samba, user.dn, user.password)).toBe(true);

  await page.locator('[data-action=resetPassword]').click();
  await expectHelpdeskScreen(page, 'passwordReset');
  const temporaryPassword = (await page.locator('.hd-password-value').innerText()).trim();
  await checkScreen(page, 'hd-samba-02-password-reset');
  const directoryConfig = directoryConfigSchema.parse({
    kind: 'activeDirectory',
    servers: [samba.ldapsUrl],
    caPem: samba.caPem,
    tlsServerName: samba.tlsServerName,
    serviceBindDn: samba.serviceDn,
    servicePassword: samba.servicePassword,
    baseDns: [samba.usersDn],
    loginAttributes: ['sAMAccountName'],
    policyHints: false,
  });
  const directory = new ActiveDirectoryAdapter(directoryConfig);
  try {
    const resolved = await directory.resolveUser(user.sAMAccountName);
    await expect(directory.verifyPassword(resolved, temporaryPassword)).rejects.toMatchObject({ code: 'passwordMustChange' });
  } finally {
    await directory.close();
  }
});
