/**
 * The web stack on the real Samba AD DC: the Active Directory adapter, the LDAP enrollment store on the
 * schema-extended attribute, the flow engine, dispatch and a Sesame host serving dist/renderer.
 */
import { randomBytes } from 'node:crypto';
import type { AppInfo } from '../../../shared/app';
import { MemoryAuditLog } from '../../../electron/audit/file-audit-log';
import { defaultQuestionCatalogue } from '../../../electron/config/default-questions';
import { ActiveDirectoryAdapter } from '../../../electron/directory/active-directory/adapter';
import { directoryConfigSchema } from '../../../electron/directory/config';
import { connectorFromConfig } from '../../../electron/directory/ldap/connector-from-config';
import { LdapEnrollmentStore } from '../../../electron/enrollment/ldap-store';
import { flowConfigSchema, type FlowConfigInput } from '../../../electron/flows/config';
import { createFlowEngine } from '../../../electron/flows/engine';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/handlers';
import { helpdeskConfigSchema, type HelpdeskConfigInput } from '../../../electron/helpdesk/config';
import { createHelpdeskHandlers } from '../../../electron/helpdesk/handlers';
import { createHelpdeskService } from '../../../electron/helpdesk/service';
import { startHost, type RunningHost } from '../../../electron/host/server';
import type { Logger } from '../../../electron/logging/logger';
import { startSamba } from '../samba';
import type { SambaInfo } from '../servers';
import { rendererRoot } from './stack';

export interface SambaStack {
  samba: SambaInfo;
  host: RunningHost;
  stop(): Promise<void>;
}

export async function startSambaStack(
  options: { flows?: Partial<FlowConfigInput>; logger?: Logger; /** Help desk with rights on the harness's dsacl-delegated groups; off when absent. */ helpdesk?: (samba: SambaInfo) => HelpdeskConfigInput } = {},
): Promise<SambaStack> {
  const samba = await startSamba();
  try {
    const info = samba.info;
    const directoryConfig = directoryConfigSchema.parse({
      kind: 'activeDirectory',
      servers: [info.ldapsUrl],
      caPem: info.caPem,
      tlsServerName: info.tlsServerName,
      serviceBindDn: info.serviceDn,
      servicePassword: info.servicePassword,
      baseDns: [info.usersDn],
      loginAttributes: ['sAMAccountName', 'userPrincipalName'],
      policyHints: false, // Samba 4.17 does not support the policy hints control
      connectTimeoutMs: 10_000,
      operationTimeoutMs: 20_000,
    });
    const adapter = new ActiveDirectoryAdapter(directoryConfig);
    const connector = connectorFromConfig(directoryConfig);
    const store = new LdapEnrollmentStore(connector, { attribute: info.enrollmentAttribute });
    const config = flowConfigSchema.parse({
      catalogue: defaultQuestionCatalogue,
      questions: { shownAtRegistration: 6, requiredAtRegistration: 3, presentedAtReset: 2, requiredCorrectAtReset: 2 },
      keys: { totpSecretKey: randomBytes(32).toString('base64'), decoyKey: randomBytes(32).toString('base64') },
      ...options.flows,
    });
    const audit = new MemoryAuditLog();
    const engine = createFlowEngine({ directory: adapter, store, audit, config, ...(options.logger ? { logger: options.logger } : {}) });
    const helpdesk = options.helpdesk
      ? createHelpdeskService({
          config: helpdeskConfigSchema.parse(options.helpdesk(info)),
          directoryConfig,
          directory: adapter,
          serviceConnector: connector,
          store,
          audit,
          flows: config,
          adapterFor: (operatorConnector) => new ActiveDirectoryAdapter(directoryConfig, operatorConnector),
          ...(options.logger ? { logger: options.logger } : {}),
        })
      : undefined;
    const appInfo: AppInfo = {
      languages: { default: 'en', available: ['en', 'de', 'fr'] },
      kiosk: { enabled: false, idleTimeoutSeconds: 90, enabledFlows: ['forgotPassword', 'unlockAccount', 'changePassword', 'enroll'], helpDeskOffered: false },
      serviceAvailable: true,
    };
    const host = await startHost({ staticRoot: rendererRoot, kioskId: 'web-samba' }, createDispatch(createHandlers({ appInfo, engine, ...(helpdesk ? { helpdesk: createHelpdeskHandlers(helpdesk) } : {}) }), options.logger), options.logger);
    return {
      samba: info,
      host,
      stop: async () => {
        await host.close();
        await helpdesk?.close();
        await Promise.allSettled([connector.close(), adapter.close()]);
        await samba.stop();
      },
    };
  } catch (err) {
    await samba.stop();
    throw err;
  }
}
