import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SesameActions, SesameState, SesameStore } from './store';

export const StoreContext = createContext<SesameStore | null>(null);

export function useSesame<T>(selector: (state: SesameState & SesameActions) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext missing');
  return useStore(store, selector);
}
