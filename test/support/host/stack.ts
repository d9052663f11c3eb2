/**
 * The whole web stack on a real slapd: the Password Modify adapter, the LDAP enrollment store, the flow
 * engine, dispatch and the Sesame host serving dist/renderer. Used by `npm run demo` and the e2e tier.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { generate } from 'otplib';
import type { AppInfo } from '../../../shared/app';
import type { FlowResponse } from '../../../shared/flow';
import { MemoryAuditLog } from '../../../electron/audit/file-audit-log';
import { defaultQuestionCatalogue } from '../../../electron/config/default-questions';
import { connectorFromConfig } from '../../../electron/directory/ldap/connector-from-config';
import { PasswordModifyAdapter } from '../../../electron/directory/password-modify/adapter';
import { LdapEnrollmentStore } from '../../../electron/enrollment/ldap-store';
import { flowConfigSchema, type FlowConfig, type FlowConfigInput } from '../../../electron/flows/config';
import { createFlowEngine, type FlowEngine } from '../../../electron/flows/engine';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/handlers';
import { helpdeskConfigSchema, type HelpdeskConfigInput } from '../../../electron/helpdesk/config';
import { createHelpdeskHandlers } from '../../../electron/helpdesk/handlers';
import { createHelpdeskService, type HelpdeskService } from '../../../electron/helpdesk/service';
import type { HostOptionsInput } from '../../../electron/host/options';
import { startHost, type RunningHost } from '../../../electron/host/server';
import type { Logger } from '../../../electron/logging/logger';
import type { SlapdInfo } from '../servers';
import { startSlapd, type RunningServer } from '../slapd';
import { passwordModifyConfig } from '../slapd/password-modify-config';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');
export const rendererRoot = join(repoRoot, 'dist', 'renderer');

export interface StackOptions {
  flows?: Partial<FlowConfigInput>;
  host?: Partial<HostOptionsInput>;
  kiosk?: Partial<AppInfo['kiosk']>;
  /** Help desk on the same store and audit, its rights mapped onto the harness's groups; off when absent. */
  helpdesk?: (slapd: SlapdInfo) => HelpdeskConfigInput;
  logger?: Logger;
}

export interface Stack {
  slapd: SlapdInfo;
  host: RunningHost;
  engine: FlowEngine;
  audit: MemoryAuditLog;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const slapd: RunningServer<SlapdInfo> = await startSlapd();
  try {
    // Generous timeouts: a loaded two-core CI runner must not turn a slow bind into "service unavailable".
    const directoryConfig = passwordModifyConfig(slapd.info, { connectTimeoutMs: 10_000, operationTimeoutMs: 20_000 });
    const adapter = new PasswordModifyAdapter(directoryConfig);
    const connector = connectorFromConfig(directoryConfig);
    const store = new LdapEnrollmentStore(connector, { attribute: 'sesameEnrollment', auxiliaryClass: 'sesameEnrollable' });
    const audit = new MemoryAuditLog();
    const config = flowConfigSchema.parse({
      catalogue: defaultQuestionCatalogue,
      questions: { shownAtRegistration: 6, requiredAtRegistration: 3, presentedAtReset: 2, requiredCorrectAtReset: 2 },
      keys: { totpSecretKey: randomBytes(32).toString('base64'), decoyKey: randomBytes(32).toString('base64') },
      ...options.flows,
    });
    const engine = createFlowEngine({ directory: adapter, store, audit, config, ...(options.logger ? { logger: options.logger } : {}) });
    const appInfo: AppInfo = {
      languages: { default: 'en', available: ['en', 'de', 'fr'] },
      kiosk: {
        enabled: false,
        idleTimeoutSeconds: 90,
        enabledFlows: ['forgotPassword', 'unlockAccount', 'changePassword', 'enroll'],
        helpDeskOffered: false,
        ...options.kiosk,
      },
      serviceAvailable: true,
    };
    const helpdesk = options.helpdesk ? helpdeskOnSlapd(slapd.info, options.helpdesk(slapd.info), { connector, store, audit, config, logger: options.logger }) : undefined;
    const dispatch = createDispatch(createHandlers({ appInfo, engine, ...(helpdesk ? { helpdesk: createHelpdeskHandlers(helpdesk) } : {}) }), options.logger);
    const host = await startHost({ staticRoot: rendererRoot, ...options.host }, dispatch, options.logger);
    const sweeper = setInterval(() => {
      engine.sweep();
      void helpdesk?.sweep();
    }, 5_000);
    sweeper.unref();
    return {
      slapd: slapd.info,
      host,
      engine,
      audit,
      stop: async () => {
        clearInterval(sweeper);
        await host.close();
        await helpdesk?.close();
        await Promise.allSettled([connector.close(), adapter.close()]);
        await slapd.stop();
      },
    };
  } catch (err) {
    await slapd.stop();
    throw err;
  }
}

function helpdeskOnSlapd(
  slapd: SlapdInfo,
  input: HelpdeskConfigInput,
  parts: { connector: ReturnType<typeof connectorFromConfig>; store: LdapEnrollmentStore; audit: MemoryAuditLog; config: FlowConfig; logger: Logger | undefined },
): HelpdeskService {
  // The harness's never-expires policy entry lets operators set "password never expires" on slapd.
  const directoryConfig = passwordModifyConfig(slapd, { neverExpiresPolicyDn: slapd.neverExpiresPolicyDn });
  return createHelpdeskService({
    config: helpdeskConfigSchema.parse(input),
    directoryConfig,
    directory: new PasswordModifyAdapter(directoryConfig, parts.connector),
    serviceConnector: parts.connector,
    store: parts.store,
    audit: parts.audit,
    flows: parts.config,
    adapterFor: (operatorConnector) => new PasswordModifyAdapter(directoryConfig, operatorConnector),
    ...(parts.logger ? { logger: parts.logger } : {}),
  });
}

/** Enrolls a person through the engine itself (as the Register screen would); returns the TOTP secret. */
export async function enrollThroughEngine(engine: FlowEngine, username: string, password: string, answers: Record<string, string>): Promise<string> {
  const context = { kioskId: 'setup', clientId: `setup-${username}` };
  const expect = (view: FlowResponse, step: FlowResponse['step']) => {
    if (view.step !== step) throw new Error(`enrolling ${username}: expected ${step}, got ${view.step}`);
    return view;
  };
  const started = expect(await engine.start({ flow: 'enroll', username }, context), 'currentPassword');
  const sessionId = 'sessionId' in started ? started.sessionId : '';
  const offered = expect(await engine.submitCurrentPassword({ sessionId, password }, context), 'enrollQuestions');
  if (offered.step !== 'enrollQuestions') throw new Error('unreachable');
  const chosen = offered.catalogue.filter((q) => answers[q.id]).slice(0, offered.required);
  const totp = expect(await engine.enrollQuestions({ sessionId, answers: chosen.map((q) => ({ questionId: q.id, answer: answers[q.id]! })) }, context), 'enrollTotp');
  if (totp.step !== 'enrollTotp') throw new Error('unreachable');
  const secret = new URL(totp.otpauthUri).searchParams.get('secret') ?? '';
  expect(await engine.confirmTotpEnrollment({ sessionId, code: await generate({ secret }) }, context), 'done');
  return secret;
}

/** Answers for every question of the default catalogue (demo and tests use the same ones). */
export const demoAnswers: Record<string, string> = {
  'first-pet': 'Biscuit',
  'birth-city': 'Lyon',
  'first-school': 'Jules Ferry',
  'childhood-friend': 'Margaux',
  'first-street': 'Rue des Lilas',
  'first-job-town': 'Grenoble',
};
