import type { TestProject } from 'vitest/node';
import { startSlapd } from './slapd';
import { startSamba } from './samba';
import './servers';

/**
 * Starts every real server once per integration run, on loopback only, and stops them by process id
 * at the end. A server that cannot start fails the run with its reason: integration tests never skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [slapd, samba] = await Promise.all([startSlapd(), startSamba()]);
  project.provide('slapd', slapd.info);
  project.provide('samba', samba.info);
  return async () => {
    await Promise.allSettled([slapd.stop(), samba.stop()]);
  };
}
