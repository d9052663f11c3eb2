/**
 * Wires the flow engine for a deployment: the directory's own LDAP connection for the enrollment store,
 * the durable audit file, the validated flow configuration. The host and the help desk share what this
 * returns, so a help-desk clearLockoutGate acts on the same store the kiosks read.
 */
import { z } from 'zod';
import type { AuditSink } from '../audit/audit-event';
import { FileAuditLog } from '../audit/file-audit-log';
import type { DirectoryAdapter } from '../directory/adapter';
import type { LdapConnector } from '../directory/ldap/connection';
import { enrollmentStoreConfigSchema } from '../enrollment/config';
import { LdapEnrollmentStore } from '../enrollment/ldap-store';
import type { EnrollmentStore } from '../enrollment/store';
import type { Logger } from '../logging/logger';
import type { Clock } from './clock';
import { flowConfigSchema } from './config';
import { createFlowEngine, type FlowEngine } from './engine';

export const gatesDeploymentSchema = z.object({
  flows: flowConfigSchema,
  enrollmentStore: enrollmentStoreConfigSchema.default({ attribute: 'sesameEnrollment' }),
  /** Append-only JSON lines; the directory must exist and be writable only by Sesame. */
  auditLogPath: z.string().min(1),
});
export type GatesDeployment = z.infer<typeof gatesDeploymentSchema>;
export type GatesDeploymentInput = z.input<typeof gatesDeploymentSchema>;

export interface DeployedGates {
  engine: FlowEngine;
  store: EnrollmentStore;
  audit: AuditSink;
}

export function deployGates(options: {
  directory: DirectoryAdapter;
  /** A connector bound as the service account (e.g. connectorFromConfig(directoryConfig)). */
  serviceConnector: LdapConnector;
  config: GatesDeployment;
  logger?: Logger;
  clock?: Clock;
}): DeployedGates {
  const { config } = options;
  const store = new LdapEnrollmentStore(options.serviceConnector, {
    attribute: config.enrollmentStore.attribute,
    ...(config.enrollmentStore.auxiliaryClass ? { auxiliaryClass: config.enrollmentStore.auxiliaryClass } : {}),
  });
  const audit = new FileAuditLog(config.auditLogPath, options.clock ? () => options.clock!.now() : Date.now);
  const engine = createFlowEngine({
    directory: options.directory,
    store,
    audit,
    config: config.flows,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { engine, store, audit };
}
