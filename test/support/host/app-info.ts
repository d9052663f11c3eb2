import type { AppInfo } from '../../../shared/app';

export const testAppInfo: AppInfo = {
  languages: { default: 'en', available: ['en', 'de', 'fr'] },
  kiosk: { enabled: false, idleTimeoutSeconds: 90, enabledFlows: ['forgotPassword', 'unlockAccount', 'changePassword', 'enroll'], helpDeskOffered: false },
  serviceAvailable: true,
};
