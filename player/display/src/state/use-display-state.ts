// Keeps the latest good DisplayState from the core: fetch on start, on every SSE `state` event, and on a timer.
import { useEffect, useState } from 'react';
import { DISPLAY_RELOAD_EVENT, DISPLAY_STATE_EVENT, type DisplayState } from '../../../../shared/display/display-state.ts';
import { parseDisplayState } from './parse-display-state.ts';

/** A state plus the monotonic instant it arrived, so the core's clock can be carried forward. */
export interface StateSnapshot {
  state: DisplayState;
  receivedAt: number;
}

// The safety net if an SSE event is lost; the core is on loopback, so polling is cheap.
const POLL_INTERVAL_MS = 5_000;
// A hung core must not leave a request pending forever and block later refreshes' ordering.
const FETCH_TIMEOUT_MS = 4_000;
// EventSource retries by itself after network errors but gives up for good after an HTTP error.
const EVENTS_REOPEN_DELAY_MS = 5_000;

export function useDisplayState(token: string): StateSnapshot | null {
  const [snapshot, setSnapshot] = useState<StateSnapshot | null>(null);

  useEffect(() => {
    let disposed = false;
    let requested = 0;
    let applied = 0;
    let events: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;

    async function refresh(): Promise<void> {
      const request = ++requested;
      try {
        const response = await fetch('/api/state', {
          headers: { 'x-display-token': token },
          cache: 'no-store',
          signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        });
        if (!response.ok) return;
        const receivedAt = performance.now();
        const state = parseDisplayState(await response.json());
        // An older response arriving late must not undo a newer one (e.g. re-show a withdrawn entry).
        if (disposed || state === null || request < applied) return;
        applied = request;
        setSnapshot({ state, receivedAt });
      } catch {
        // Core briefly unreachable: keep showing the last good state.
      }
    }

    const onStateEvent = (): void => void refresh();

    function openEvents(): void {
      if (disposed) return;
      events = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      events.addEventListener(DISPLAY_STATE_EVENT, onStateEvent);
      // A technician's 'reload-display': a fresh page (new build, cleared renderer state), same URL and token.
      events.addEventListener(DISPLAY_RELOAD_EVENT, () => window.location.reload());
      // Changes made while the stream was down were never announced.
      events.addEventListener('open', onStateEvent);
      events.addEventListener('error', () => {
        if (events?.readyState !== EventSource.CLOSED) return;
        events.close();
        clearTimeout(reopenTimer);
        reopenTimer = setTimeout(openEvents, EVENTS_REOPEN_DELAY_MS);
      });
    }

    void refresh();
    openEvents();
    const poll = setInterval(onStateEvent, POLL_INTERVAL_MS);
    return () => {
      disposed = true;
      clearInterval(poll);
      clearTimeout(reopenTimer);
      events?.close();
    };
  }, [token]);

  return snapshot;
}
