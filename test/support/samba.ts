import type { SambaInfo } from './servers';
import type { RunningServer } from './slapd';

// Placeholder until the Samba harness lands; fails loudly rather than skipping.
export async function startSamba(): Promise<RunningServer<SambaInfo>> {
  throw new Error('samba harness not written yet');
}
