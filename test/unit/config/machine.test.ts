import { describe, expect, it } from 'vitest';
import { loadMachineConfiguration, machinePolicyRegistry } from '../../../electron/config/machine';
import { RegExeRegistry } from '../../../electron/config/registry/reg-exe';
import { memorySecrets } from './memory-secrets';

describe('machine configuration', () => {
  it('reads policy with reg.exe by its full path on Windows and has no policy source elsewhere', () => {
    const registry = machinePolicyRegistry('win32', { SystemRoot: 'D:\\Windows' });
    expect(registry).toBeInstanceOf(RegExeRegistry);
    expect(registry?.description).toBe('D:\\Windows\\System32\\reg.exe');
    expect(machinePolicyRegistry('linux', {})).toBeUndefined();
  });

  it('reports a missing configuration as problems, not an exception', async () => {
    const result = await loadMachineConfiguration({ platform: 'linux', env: {}, secrets: memorySecrets({}) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.key)).toEqual(expect.arrayContaining(['directory.kind', 'directory.serviceBindDn', 'directory.baseDns']));
  });
});
