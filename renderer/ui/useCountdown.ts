import { useEffect, useReducer } from 'react';

/** Milliseconds left until `until` (epoch ms), re-rendering a few times a second; 0 once passed or without a deadline. */
export function useCountdown(until: number | null): number {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      tick();
      if (Date.now() >= until) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, until - Date.now());
}

/** "0:07", "14:59": a wait in minutes and seconds, rounded up. */
export function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
