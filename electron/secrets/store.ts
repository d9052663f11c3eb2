/** The three secrets Sesame needs, and the store that keeps them out of policy and config files. */
export const secretNames = ['servicePassword', 'enrollmentEncryptionKey', 'decoyHmacKey'] as const;
export type SecretName = (typeof secretNames)[number];

export const secretDescriptions: Record<SecretName, string> = {
  servicePassword: 'password of the directory service account (directory.serviceBindDn)',
  enrollmentEncryptionKey: 'AES-256-GCM key for TOTP secrets in enrollment records: 32 bytes, base64',
  decoyHmacKey: 'HMAC-SHA256 key deriving decoy gates for unknown users: 32 bytes, base64',
};

export function isSecretName(name: string): name is SecretName {
  return (secretNames as readonly string[]).includes(name);
}

export interface SecretReader {
  /** Where secrets are kept, for messages (never the values). */
  readonly description: string;
  /** undefined when the secret was never set; rejects when it exists but may not or cannot be read. */
  get(name: SecretName): Promise<string | undefined>;
}

export interface SecretStore extends SecretReader {
  set(name: SecretName, value: string): Promise<void>;
}
