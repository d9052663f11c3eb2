/** What the Sesame host puts into the index page (see electron/host/index-page.ts); absent under Electron. */
import type { AppInfo } from '../../../shared/app';

function meta(name: string): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
}

export function bootstrapCsrfToken(): string | undefined {
  return meta('sesame-csrf');
}

export function bootstrapAppInfo(): AppInfo | undefined {
  const raw = meta('sesame-app-info');
  if (!raw) return undefined;
  try {
    const info = JSON.parse(raw) as AppInfo;
    return Array.isArray(info.kiosk?.enabledFlows) && Array.isArray(info.languages?.available) ? info : undefined;
  } catch {
    return undefined;
  }
}
