/** The help desk's store for its screens (its own, beside the self-service store). */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { HelpdeskActions, HelpdeskState, HelpdeskStore } from './store';

export const HelpdeskContext = createContext<HelpdeskStore | null>(null);

export function useHelpdesk<T>(selector: (state: HelpdeskState & HelpdeskActions) => T): T {
  const store = useContext(HelpdeskContext);
  if (!store) throw new Error('HelpdeskContext missing');
  return useStore(store, selector);
}
