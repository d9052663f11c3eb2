import type { SecretName, SecretReader } from '../../../electron/secrets/store';

/** Test double of the secret store: the loader's contract is only `get`. */
export function memorySecrets(values: Partial<Record<SecretName, string>>): SecretReader {
  return { description: 'test secrets', get: async (name) => values[name] };
}

export const allSecrets = {
  servicePassword: 'Svc-Passw0rd!',
  enrollmentEncryptionKey: Buffer.alloc(32, 1).toString('base64'),
  decoyHmacKey: Buffer.alloc(32, 2).toString('base64'),
};
