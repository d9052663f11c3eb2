/** The help desk's hash route: one index page serves both, and the help desk's code loads only when used. */
import { useSyncExternalStore } from 'react';

export const helpdeskHash = '#/helpdesk';

const subscribeHash = (notify: () => void) => {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
};

export function useHelpdeskRoute(): boolean {
  return useSyncExternalStore(subscribeHash, () => window.location.hash === helpdeskHash);
}
