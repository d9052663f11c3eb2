/** What the engine's parts share: dependencies, derived helpers and stores. */
import type { DirectoryAdapter } from '../directory/adapter';
import type { AuditSink } from '../audit/audit-event';
import type { EnrollmentStore } from '../enrollment/store';
import { MemoryEnrollmentStore } from '../enrollment/memory-store';
import { DecoyDeriver } from '../gates/decoy';
import type { Logger } from '../logging/logger';
import { silentLogger } from '../logging/logger';
import type { TotpSettings } from '../gates/totp/totp';
import { systemClock, type Clock } from './clock';
import type { FlowConfig } from './config';
import { QuestionTexts, cryptoPick, type RandomPick } from './questions';
import type { Subject } from './session';

export interface FlowEngineDeps {
  directory: DirectoryAdapter;
  store: EnrollmentStore;
  audit: AuditSink;
  config: FlowConfig;
  clock?: Clock;
  logger?: Logger;
  random?: RandomPick;
  /** Waits out the response floor; injected so unit tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

export interface EngineContext {
  directory: DirectoryAdapter;
  store: EnrollmentStore;
  /** Lockout state of decoys: per engine, never written to the directory. */
  decoyStore: EnrollmentStore;
  audit: AuditSink;
  config: FlowConfig;
  clock: Clock;
  logger: Logger;
  random: RandomPick;
  sleep: (ms: number) => Promise<void>;
  decoys: DecoyDeriver;
  texts: QuestionTexts;
  totpKey: Buffer;
  totp: TotpSettings;
}

export function engineContext(deps: FlowEngineDeps): EngineContext {
  const { config } = deps;
  return {
    directory: deps.directory,
    store: deps.store,
    decoyStore: new MemoryEnrollmentStore(),
    audit: deps.audit,
    config,
    clock: deps.clock ?? systemClock,
    logger: deps.logger ?? silentLogger,
    random: deps.random ?? cryptoPick,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    decoys: new DecoyDeriver(Buffer.from(config.keys.decoyKey, 'base64')),
    texts: new QuestionTexts(config.catalogue, config.defaultLanguage),
    totpKey: Buffer.from(config.keys.totpSecretKey, 'base64'),
    totp: {
      issuer: config.totp.issuer,
      digits: config.totp.digits,
      periodSeconds: config.totp.periodSeconds,
      windowSteps: config.totp.windowSteps,
    },
  };
}

/** Where a subject's lockout gate lives. */
export function gateStoreFor(ctx: EngineContext, subject: Subject): EnrollmentStore {
  return subject.kind === 'enrolled' ? ctx.store : ctx.decoyStore;
}
