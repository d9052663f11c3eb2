/** One audit line. Outcomes and reason codes only: never an answer, code, secret or password. */
export type AuditEventKind = 'flowStart' | 'gateAttempt' | 'lockout' | 'action' | 'failure' | 'helpdesk';

export interface AuditEvent {
  kind: AuditEventKind;
  kioskId: string;
  sessionId?: string;
  flow?: string;
  /** Gate or action name, e.g. 'questions', 'totp', 'resetPassword'. */
  subject?: string;
  /** The user's DN when resolved, else the name as typed. */
  user: string;
  outcome: 'success' | 'failure' | 'info';
  reason?: string;
  /** Help desk: the operator's DN, who made the change with their own bind. */
  operator?: string;
  /** Help desk: how the caller was verified before the action ('answers', 'totp', 'none', ...). */
  verification?: string;
}

export interface AuditRecord extends AuditEvent {
  time: string;
}

/** Appends audit records durably; rejects when the record could not be written, so the caller stops. */
export interface AuditSink {
  write(event: AuditEvent): Promise<void>;
}
