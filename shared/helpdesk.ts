/**
 * The help-desk contract: what an operator's renderer may ask, and the views the main side answers with.
 * The main side checks the operator's rights and the caller's verification on every call; the renderer
 * only hides what `allowedActions` leaves out. Stored answers, TOTP secrets and the operator's password
 * never appear in a view; a generated password appears once, in the `passwordReset` view.
 */
import { z } from 'zod';
import type { QuestionView } from './flow';

const operatorSessionId = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
const username = z.string().trim().min(1).max(256);
const secretText = z.string().min(1).max(512);
const userDn = z.string().trim().min(3).max(1024);
const questionId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const totpCode = z.string().regex(/^\d{6,8}$/);

export const verificationMethods = ['answers', 'totp'] as const;
export type VerificationMethod = (typeof verificationMethods)[number];
/** How callers are verified before any action: configured per deployment. */
export const verificationModes = ['none', 'answers', 'totp', 'either'] as const;
export type VerificationMode = (typeof verificationModes)[number];

export const helpdeskActions = ['resetPassword', 'unlock', 'setPasswordNeverExpires', 'setValidUntil', 'clearEnrollment', 'clearLockoutGate'] as const;
export type HelpdeskAction = (typeof helpdeskActions)[number];

/** Largest offset a search page may start at: the help desk looks for one person, not a listing. */
export const maxSearchOffset = 500;

export const helpdeskRequestSchemas = {
  'helpdesk.signIn': z.object({ username, password: secretText }).strict(),
  'helpdesk.signOut': z.object({ operatorSessionId }).strict(),
  'helpdesk.search': z
    .object({ operatorSessionId, query: z.string().trim().min(1).max(256), offset: z.number().int().min(0).max(maxSearchOffset).default(0) })
    .strict(),
  'helpdesk.openUser': z.object({ operatorSessionId, userDn }).strict(),
  'helpdesk.startVerification': z.object({ operatorSessionId, userDn, method: z.enum(verificationMethods) }).strict(),
  'helpdesk.verifyCaller': z.union([
    z
      .object({ operatorSessionId, userDn, answers: z.array(z.object({ questionId, answer: secretText }).strict()).min(1).max(10) })
      .strict(),
    z.object({ operatorSessionId, userDn, code: totpCode }).strict(),
  ]),
  /** mustChange defaults to the deployment's setting (must change at next logon unless configured otherwise). */
  'helpdesk.resetPassword': z.object({ operatorSessionId, userDn, mustChange: z.boolean().optional() }).strict(),
  'helpdesk.unlock': z.object({ operatorSessionId, userDn }).strict(),
  'helpdesk.setPasswordNeverExpires': z.object({ operatorSessionId, userDn, neverExpires: z.boolean() }).strict(),
  /** An ISO 8601 instant, or null for "no end". */
  'helpdesk.setValidUntil': z.object({ operatorSessionId, userDn, validUntil: z.iso.datetime({ offset: true }).nullable() }).strict(),
  'helpdesk.clearEnrollment': z.object({ operatorSessionId, userDn }).strict(),
  'helpdesk.clearLockoutGate': z.object({ operatorSessionId, userDn }).strict(),
} as const;
export type HelpdeskCall = keyof typeof helpdeskRequestSchemas;
export type HelpdeskRequest<C extends HelpdeskCall> = z.infer<(typeof helpdeskRequestSchemas)[C]>;
export type HelpdeskRequestInput<C extends HelpdeskCall> = z.input<(typeof helpdeskRequestSchemas)[C]>;
export const helpdeskCallNames = Object.keys(helpdeskRequestSchemas) as HelpdeskCall[];

/** Rights, after CzechIdM's password permissions (mirrors electron/helpdesk/rights.ts). */
export type HelpdeskRightName = 'readState' | 'updateMetadata' | 'resetPassword' | 'changePassword' | 'unlock' | 'manageEnrollment';

export interface DirectoryCapabilitiesView {
  passwordNeverExpires: boolean;
  validUntil: boolean;
}

export interface OperatorView {
  operatorSessionId: string;
  accountName: string;
  displayName?: string;
  rights: HelpdeskRightName[];
  verificationMode: VerificationMode;
  capabilities: DirectoryCapabilitiesView;
}

export interface UserSummaryView {
  dn: string;
  accountName: string;
  displayName?: string;
  mail?: string;
}

/** The directory's account state (electron/directory/account-state.ts) with instants as ISO strings. */
export interface AccountStateView {
  usable: boolean;
  disabled: boolean;
  locked: boolean;
  lockedUntil?: string;
  accountExpired: boolean;
  validUntil?: string;
  passwordExpired: boolean;
  mustChange: boolean;
  passwordNeverExpires: boolean;
  failureCount?: number;
  remainingFailures?: number;
  passwordChangedAt?: string;
  passwordExpiresAt?: string;
  lastSuccessfulLogin?: string;
}

export interface EnrollmentView {
  enrolled: boolean;
  /** Number of registered answers (never the questions' answers themselves). */
  answers: number;
  totp: boolean;
  lockoutGate: { state: 'open' | 'timedLockout' | 'permanentLockout'; until?: string; failures: number };
}

export interface CallerVerificationView {
  mode: VerificationMode;
  /** Whether an action needs a verification first (false when mode is none). */
  required: boolean;
  /** Methods this caller can be verified with (what they enrolled, within the mode). */
  available: VerificationMethod[];
  verified: boolean;
  method?: VerificationMethod;
  expiresAt?: string;
}

export interface AccountPanelView {
  user: UserSummaryView;
  state: AccountStateView;
  enrollment: EnrollmentView;
  verification: CallerVerificationView;
  capabilities: DirectoryCapabilitiesView;
  /** Actions this operator may take on this account now: rights and directory capabilities combined. */
  allowedActions: HelpdeskAction[];
}

export const helpdeskRefusals = [
  'signInFailed', // wrong name or password, or the operator's account cannot sign in
  'notPermitted', // the operator lacks the right (or has no help-desk rights at all)
  'sessionExpired',
  'notVerified', // the caller must be verified first
  'verificationFailed', // wrong answers or code; counted toward the user's lockout gate
  'lockedOut', // the user's lockout gate is closed: no verification through the help desk either
  'notEnrolled', // the caller has no enrollment for the requested method
  'unsupported', // the directory cannot do this
  'outOfScope', // the account is outside the configured base DNs
  'userNotFound',
  'directoryRefused', // the directory refused the operator's write (its delegation decides)
  'unavailable',
] as const;
export type HelpdeskRefusal = (typeof helpdeskRefusals)[number];

export type HelpdeskView =
  | { view: 'signedIn'; operator: OperatorView }
  | { view: 'signedOut' }
  | { view: 'searchResults'; results: UserSummaryView[]; nextOffset?: number }
  | { view: 'panel'; panel: AccountPanelView }
  /** What the operator asks the caller: the questions to read out (answers method) or a code (totp). */
  | { view: 'challenge'; userDn: string; method: VerificationMethod; questions: QuestionView[] }
  /** The only view that carries the generated password, once; show it large, without copy. */
  | { view: 'passwordReset'; panel: AccountPanelView; temporaryPassword: string; mustChange: boolean }
  | {
      view: 'refused';
      reason: HelpdeskRefusal;
      /** For directoryRefused: the directory core's message key, e.g. directory.error.insufficientRights. */
      messageKey?: string;
      /** The fresh panel, when the refusal concerns an opened account. */
      panel?: AccountPanelView;
    };

/** Each call's successful view kinds (refused is possible for all). */
export type HelpdeskResponse = HelpdeskView;
