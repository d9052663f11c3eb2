import type { SambaInfo, SlapdInfo } from '../support/servers';

export const e2eEnvName = 'SESAME_E2E_FACTS';

export interface E2eFacts {
  url: string;
  idleUrl: string;
  idleSeconds: number;
  slapd: SlapdInfo;
  /** The host whose engine runs on Samba AD with the Active Directory adapter. */
  sambaUrl: string;
  samba: SambaInfo;
}

export function e2eFacts(): E2eFacts {
  const raw = process.env[e2eEnvName];
  if (!raw) throw new Error(`${e2eEnvName} not set: run through playwright.config.ts (npm run test:e2e)`);
  return JSON.parse(raw) as E2eFacts;
}
