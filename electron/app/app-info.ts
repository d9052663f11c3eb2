/**
 * What the start screen is told about this deployment (languages, kiosk flags, whether the service is
 * up), for every transport: the Electron shell and Sesame's host build it the same way.
 */
import type { AppInfo } from '../../shared/app';
import type { SesameConfiguration } from '../config/schema';

export function appInfoOf(config: SesameConfiguration): AppInfo {
  return {
    languages: { default: config.languages.default, available: config.languages.available },
    kiosk: {
      enabled: config.kiosk.enabled,
      idleTimeoutSeconds: config.kiosk.idleTimeoutSeconds,
      enabledFlows: config.kiosk.enabledFlows,
      helpDeskOffered: config.kiosk.helpDeskOffered,
    },
    serviceAvailable: true,
  };
}

/** What the start screen shows when the configuration is broken: kiosk, defaults, out of order. */
export const outOfOrderAppInfo: AppInfo = {
  languages: { default: 'en', available: ['en', 'de', 'fr'] },
  kiosk: { enabled: true, idleTimeoutSeconds: 90, enabledFlows: ['forgotPassword', 'unlockAccount'], helpDeskOffered: false },
  serviceAvailable: false,
};
