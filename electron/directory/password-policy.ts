/** The password policy that applies to one user, as read from the directory. */
export interface EffectivePolicy {
  /** Where it came from: domain policy, a PSO DN, or a ppolicy entry DN. */
  source: string;
  minLength: number;
  maxLength?: number;
  /** AD complexity: three of four character classes, no account or display-name tokens. */
  complexity: boolean;
  historyLength: number;
  minAgeSeconds: number;
  maxAgeSeconds?: number;
  lockoutThreshold?: number;
  lockoutDurationSeconds?: number;
  /** ppolicy pwdMustChange / AD reset-forces-change preference. */
  mustChangeAfterReset: boolean;
  /** Refuse candidates found in the shipped common-password list. */
  rejectCommonPasswords: boolean;
}
