import { useEffect, useRef, type RefObject } from 'react';

/**
 * On every turn (new screen or rejected answer) focus moves to the element marked data-autofocus, else
 * to the heading, so keyboard and screen reader users start where the new content starts. Shared by
 * the self-service and help-desk pages.
 */
export function useFocusOnTurn<T extends HTMLElement>(turn: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const target = root.querySelector<HTMLElement>('[data-autofocus]') ?? root.querySelector<HTMLElement>('h1');
    target?.focus();
  }, [turn]);
  return ref;
}
