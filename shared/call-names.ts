/**
 * Every call name of the contract, free of runtime schemas so that preloads and the renderer can list
 * them without bundling zod. calls.ts proves at compile time that this list and the registry agree.
 */
export const callNames = [
  'app.info',
  'flow.start',
  'flow.answerQuestions',
  'flow.submitTotp',
  'flow.submitCurrentPassword',
  'flow.checkNewPassword',
  'flow.submitNewPassword',
  'flow.enrollQuestions',
  'flow.confirmTotpEnrollment',
  'flow.cancel',
  'helpdesk.signIn',
  'helpdesk.signOut',
  'helpdesk.search',
  'helpdesk.openUser',
  'helpdesk.startVerification',
  'helpdesk.verifyCaller',
  'helpdesk.resetPassword',
  'helpdesk.unlock',
  'helpdesk.setPasswordNeverExpires',
  'helpdesk.setValidUntil',
  'helpdesk.clearEnrollment',
  'helpdesk.clearLockoutGate',
] as const;
export type CallName = (typeof callNames)[number];

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && (callNames as readonly string[]).includes(value);
}

/** The Electron IPC channel of a call (ipcMain.handle / ipcRenderer.invoke). */
export const ipcChannelPrefix = 'sesame:';
export function ipcChannel(name: CallName): `sesame:${CallName}` {
  return `${ipcChannelPrefix}${name}`;
}

/** The Sesame host's JSON endpoint of a call. */
export function httpPath(name: CallName): `/api/${CallName}` {
  return `/api/${name}`;
}
