// Calls back only once typing has paused, so a search box does not send a request per keystroke.

import { useEffect, useMemo, useRef } from 'react';

// Long enough to cover a word typed through a Chinese input method, short enough to feel live.
export const TYPING_PAUSE_MS = 300;

export function useDebouncedCallback<A extends unknown[]>(callback: (...args: A) => void, delayMs = TYPING_PAUSE_MS): { call: (...args: A) => void; flush: (...args: A) => void } {
  const latest = useRef(callback);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = callback;
  }, [callback]);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
  return useMemo(() => {
    const cancel = () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
    return {
      call: (...args: A) => {
        cancel();
        timer.current = setTimeout(() => latest.current(...args), delayMs);
      },
      flush: (...args: A) => {
        cancel();
        latest.current(...args);
      },
    };
  }, [delayMs]);
}
