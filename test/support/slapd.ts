import type { SlapdInfo } from './servers';

export interface RunningServer<T> { info: T; stop(): Promise<void> }

// Placeholder until the slapd harness lands; fails loudly rather than skipping.
export async function startSlapd(): Promise<RunningServer<SlapdInfo>> {
  throw new Error('slapd harness not written yet');
}
