/** Locks the screen after the configured idle time without keyboard, pointer or wheel input. */
import { useEffect } from 'react';
import { useAuth } from './authStore';

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

export function useIdleLock(): void {
  const minutes = useAuth((s) => s.idleLockMinutes);
  const phase = useAuth((s) => s.phase);
  const lock = useAuth((s) => s.lock);
  useEffect(() => {
    if (phase !== 'signedIn') return;
    let timer = window.setTimeout(lock, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, minutes * 60_000);
    };
    for (const e of EVENTS) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of EVENTS) window.removeEventListener(e, reset);
    };
  }, [minutes, phase, lock]);
}
