/**
 * Decides who a session is about. Anyone who cannot be served (unknown, ambiguous, out of scope,
 * protected, disabled, expired, not enrolled, enrolled without a gate the flow needs) becomes a decoy, which
 * the user sees exactly like an enrolled account. Only an unreachable directory is told as such.
 */
import type { FlowKind } from '../../shared/flow';
import { isDirectoryError, type DirectoryErrorCode } from '../directory/errors';
import type { DirectoryUser } from '../directory/user';
import { EnrollmentCodecError } from '../enrollment/codec';
import type { EngineContext } from './engine-context';
import type { Subject } from './session';

// Active Directory refuses disabled and expired entries already at resolution: they are decoys too.
const decoyCodes: ReadonlySet<DirectoryErrorCode> = new Set([
  'userNotFound',
  'ambiguousUser',
  'outOfScope',
  'protectedAccount',
  'invalidInput',
  'accountDisabled',
  'accountExpired',
]);

export class DirectoryUnavailable extends Error {
  override readonly name = 'DirectoryUnavailable';
}

async function resolve(ctx: EngineContext, typedName: string): Promise<DirectoryUser | { decoyBecause: string }> {
  try {
    return await ctx.directory.resolveUser(typedName);
  } catch (err) {
    if (isDirectoryError(err) && decoyCodes.has(err.code)) return { decoyBecause: err.code };
    throw new DirectoryUnavailable(`resolving a user failed: ${isDirectoryError(err) ? err.code : 'error'}`, { cause: err });
  }
}

function decoy(ctx: EngineContext, typedName: string, why: string, known?: DirectoryUser): Subject {
  // A known entry's decoy is keyed by its DN, so its lockout is shared by every name it answers to.
  return { kind: 'decoy', user: ctx.decoys.user(known?.dn ?? typedName), why, ...(known ? { knownDn: known.dn } : {}) };
}

export async function resolveSubject(ctx: EngineContext, flow: FlowKind, gates: readonly string[], typedName: string): Promise<Subject> {
  const resolved = await resolve(ctx, typedName);
  if ('decoyBecause' in resolved) return decoy(ctx, typedName, resolved.decoyBecause);
  // Proving the current password is the directory's own check: no decoy needed beyond an unknown name.
  if (flow === 'changePassword' || flow === 'enroll') return { kind: 'user', user: resolved };

  const state = await ctx.directory.getAccountState(resolved).catch((err: unknown) => {
    throw new DirectoryUnavailable('reading account state failed', { cause: err });
  });
  if (state.disabled) return decoy(ctx, typedName, 'accountDisabled', resolved);
  if (state.accountExpired) return decoy(ctx, typedName, 'accountExpired', resolved);

  let stored;
  try {
    stored = await ctx.store.read(resolved);
  } catch (err) {
    if (err instanceof EnrollmentCodecError) {
      ctx.logger.warn('unreadable enrollment record treated as not enrolled', { dn: resolved.dn, reason: err.message });
      return decoy(ctx, typedName, 'unreadableEnrollment', resolved);
    }
    throw new DirectoryUnavailable('reading enrollment failed', { cause: err });
  }
  if (!stored) return decoy(ctx, typedName, 'notEnrolled', resolved);
  const needsTotp = gates.includes('totp');
  const needsQuestions = gates.includes('questions');
  if (needsTotp && !stored.record.totp) return decoy(ctx, typedName, 'noAuthenticatorEnrolled', resolved);
  if (needsQuestions && stored.record.answers.length < ctx.config.questions.presentedAtReset) return decoy(ctx, typedName, 'tooFewAnswersEnrolled', resolved);
  return { kind: 'enrolled', user: resolved, record: stored.record, directoryLocked: state.locked };
}
