/**
 * Why a kpasswd server refused a new password. Active Directory (Windows) puts a 30-byte binary policy
 * block in the result string of KRB5_KPASSWD_SOFTERROR (the layout MIT's krb5_chpw_message decodes);
 * Samba and MIT send text. Both are turned into Sesame's policy rules plus a secret-free description.
 */
import type { PolicyRule } from '../directory/errors';

const AD_POLICY_LENGTH = 30;
const DOMAIN_PASSWORD_COMPLEX = 0x1;
const HUNDRED_NS_PER_DAY = 864_000_000_000n;

export interface AdPasswordPolicy {
  minLength: number;
  historyLength: number;
  complexityRequired: boolean;
  /** In days, as the blob gives 100-ns intervals. */
  maxAgeDays: number;
  minAgeDays: number;
}

export interface PolicyRefusal {
  failedRules: PolicyRule[];
  reason: string;
  adPolicy?: AdPasswordPolicy;
}

export function decodeAdPolicy(resultString: Uint8Array): AdPasswordPolicy | undefined {
  const bytes = Buffer.from(resultString);
  if (bytes.length !== AD_POLICY_LENGTH || bytes.readUInt16BE(0) !== 0) return undefined;
  return {
    minLength: bytes.readUInt32BE(2),
    historyLength: bytes.readUInt32BE(6),
    complexityRequired: (bytes.readUInt32BE(10) & DOMAIN_PASSWORD_COMPLEX) !== 0,
    maxAgeDays: Number(bytes.readBigUInt64BE(14) / HUNDRED_NS_PER_DAY),
    minAgeDays: Number(bytes.readBigUInt64BE(22) / HUNDRED_NS_PER_DAY),
  };
}

export function encodeAdPolicy(policy: AdPasswordPolicy): Buffer {
  const bytes = Buffer.alloc(AD_POLICY_LENGTH);
  bytes.writeUInt32BE(policy.minLength, 2);
  bytes.writeUInt32BE(policy.historyLength, 6);
  bytes.writeUInt32BE(policy.complexityRequired ? DOMAIN_PASSWORD_COMPLEX : 0, 10);
  bytes.writeBigUInt64BE(BigInt(policy.maxAgeDays) * HUNDRED_NS_PER_DAY, 14);
  bytes.writeBigUInt64BE(BigInt(policy.minAgeDays) * HUNDRED_NS_PER_DAY, 22);
  return bytes;
}

const textRules: ReadonlyArray<[RegExp, PolicyRule]> = [
  [/too short|at least \d+ characters|minimum (password )?length/i, 'minLength'],
  [/too long/i, 'maxLength'],
  [/history|reuse|previous passwords|already been used/i, 'history'],
  [/complex|character classes|character types/i, 'complexity'],
  [/too young|too recently|too soon|minimum (password )?age/i, 'minAge'],
  [/dictionary|too common|commonly used/i, 'commonPassword'],
];

export function describeRefusal(resultString: Uint8Array): PolicyRefusal {
  const adPolicy = decodeAdPolicy(resultString);
  if (adPolicy) {
    // AD states the whole policy, not which rule failed: every active rule is a candidate.
    const failedRules: PolicyRule[] = [];
    if (adPolicy.minLength > 0) failedRules.push('minLength');
    if (adPolicy.complexityRequired) failedRules.push('complexity');
    if (adPolicy.historyLength > 0) failedRules.push('history');
    if (adPolicy.minAgeDays > 0) failedRules.push('minAge');
    const reason =
      `domain policy: minimum length ${adPolicy.minLength}, history ${adPolicy.historyLength}, ` +
      `complexity ${adPolicy.complexityRequired ? 'required' : 'off'}, minimum age ${adPolicy.minAgeDays} days`;
    return { failedRules, reason, adPolicy };
  }
  const reason = Buffer.from(resultString).toString('utf8').replace(/[\0-\x1f]+/g, ' ').trim();
  const failedRules = textRules.filter(([pattern]) => pattern.test(reason)).map(([, rule]) => rule);
  return { failedRules, reason };
}
