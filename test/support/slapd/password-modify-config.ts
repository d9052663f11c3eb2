/** Directory configuration that points Sesame's Password Modify adapter at the test run's slapd. */
import { directoryConfigSchema, type DirectoryConfig, type DirectoryConfigInput } from '../../../electron/directory/config';
import type { SlapdInfo } from '../servers';

export function passwordModifyConfig(info: SlapdInfo, overrides: Partial<DirectoryConfigInput> = {}): DirectoryConfig {
  return directoryConfigSchema.parse({
    kind: 'passwordModify',
    servers: [info.ldapsUrl],
    caPem: info.caPem,
    connectTimeoutMs: 2000,
    operationTimeoutMs: 5000,
    serviceBindDn: info.serviceDn,
    servicePassword: info.servicePassword,
    baseDns: [info.peopleDn],
    loginAttributes: ['uid', 'mail'],
    defaultPolicyDn: info.defaultPolicyDn,
    ...overrides,
  });
}
