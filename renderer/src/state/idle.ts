/**
 * Idle timeout: after `seconds` without a key, pointer or touch, `onTimeout` runs (back to the start, state
 * cleared). The last stretch shows a warning with a countdown, so a slow reader can stay.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const activityEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart', 'input'] as const;

export function useIdleTimeout(seconds: number, active: boolean, onTimeout: () => void): { remaining: number | undefined; stay: () => void } {
  // A ref, not state: a re-render inside the capture phase of an input event would make React reset the
  // controlled input before its own handler sees the new value.
  const lastActivity = useRef(Date.now());
  const [left, setLeft] = useState(seconds);

  useEffect(() => {
    if (!active) return;
    const touch = () => {
      lastActivity.current = Date.now();
    };
    touch();
    setLeft(seconds);
    for (const type of activityEvents) window.addEventListener(type, touch, { capture: true, passive: true });
    const timer = setInterval(() => setLeft(Math.ceil((lastActivity.current + seconds * 1000 - Date.now()) / 1000)), 250);
    return () => {
      for (const type of activityEvents) window.removeEventListener(type, touch, { capture: true });
      clearInterval(timer);
    };
  }, [active, seconds]);

  useEffect(() => {
    // Checked against the clock too: `left` may still hold the previous round's value when a flow restarts.
    if (active && left <= 0 && Date.now() >= lastActivity.current + seconds * 1000) onTimeout();
  }, [active, left, seconds, onTimeout]);

  const stay = useCallback(() => {
    lastActivity.current = Date.now();
    setLeft(seconds);
  }, [seconds]);
  const warnFor = Math.min(15, Math.floor(seconds / 3));
  return { remaining: active && left > 0 && left <= warnFor ? left : undefined, stay };
}
