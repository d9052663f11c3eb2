/**
 * The password policy response control (draft-behera, 1.3.6.1.4.1.42.2.27.8.5.1) as ldapts ships it.
 * ldapts fills the very instance sent with a request, even when the call throws, so every operation
 * gets a fresh one: a shared instance would mix answers of concurrent operations.
 */
import { PasswordPolicyControl, PasswordPolicyError } from 'ldapts';
import { DirectoryError, type PolicyRule } from '../errors';
import { fromPasswordPolicyError, rulesFromPolicyText, toDirectoryError } from '../ldap/map-error';

export { PasswordPolicyError };

export function freshPolicyControl(): PasswordPolicyControl {
  return new PasswordPolicyControl();
}

/** The error value the server put in the control, if any. */
export function policyErrorOf(control: PasswordPolicyControl): number | undefined {
  return control.value?.error;
}

/**
 * Maps a failed operation, preferring what the ppolicy control says (it names the rule precisely) and
 * adding any rule the server's text names too. Never includes a password: neither source holds one.
 */
export function policyAwareError(err: unknown, control: PasswordPolicyControl, context: string): DirectoryError {
  const base = toDirectoryError(err, context);
  const error = policyErrorOf(control);
  const fromControl = error === undefined ? undefined : fromPasswordPolicyError(error, context, err);
  if (!fromControl) return base;
  const rules = new Set<PolicyRule>([...(fromControl.details.failedRules ?? []), ...rulesFromPolicyText(base.logMessage)]);
  // A policy refusal names the rule; "quality" is only the fallback when nothing more precise is known.
  if (rules.size > 1) rules.delete('quality');
  return new DirectoryError(
    fromControl.code,
    `${base.logMessage}; password policy control error ${error}`,
    { ...base.details, ...(rules.size > 0 ? { failedRules: [...rules] } : {}) },
    { cause: err },
  );
}
