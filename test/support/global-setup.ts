import type { TestProject } from 'vitest/node';
import { startSlapd, type RunningServer } from './slapd';
import { startSamba } from './samba';
import './servers';

/**
 * Starts every real server once per integration run, on loopback only, and stops them by process id
 * at the end. A server that cannot start fails the run with its reason: integration tests never skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await Promise.allSettled([startSlapd(), startSamba()]);
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value as RunningServer<unknown>] : []));
  const stopAll = async () => {
    await Promise.allSettled(running.map((server) => server.stop()));
  };
  const [slapd, samba] = started;
  if (slapd?.status !== 'fulfilled' || samba?.status !== 'fulfilled') {
    await stopAll();
    const reasons = started.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    throw new Error(`integration servers failed to start:\n${reasons.join('\n')}`);
  }
  project.provide('slapd', slapd.value.info);
  project.provide('samba', samba.value.info);
  return stopAll;
}
