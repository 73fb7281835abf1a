// Keeps the latest good state from the core: fetch on start, on every SSE `state` event, and on a
// timer. Its lists name their entries' sets; use-entry-sets.ts fetches those.
import { useEffect, useState } from 'react';
import { DISPLAY_CORE_NOW_HEADER, DISPLAY_RELOAD_EVENT, DISPLAY_STATE_EVENT, type ServedDisplayState } from '../../../../shared/display/display-state.ts';
import { fetchFromCore } from './core-fetch.ts';
import { parseDisplayState } from './parse-display-state.ts';

/** A state plus the monotonic instant it arrived, so the core's clock can be carried forward. */
export interface StateSnapshot {
  state: ServedDisplayState;
  receivedAt: number;
}

// The safety net if an SSE event is lost; the core is on loopback, so polling is cheap.
const POLL_INTERVAL_MS = 5_000;
// EventSource retries by itself after network errors but gives up for good after an HTTP error.
const EVENTS_REOPEN_DELAY_MS = 5_000;

export function useDisplayState(token: string): StateSnapshot | null {
  const [snapshot, setSnapshot] = useState<StateSnapshot | null>(null);

  useEffect(() => {
    let disposed = false;
    let requested = 0;
    let applied = 0;
    let events: EventSource | null = null;
    /** the tag of the state on screen: an unchanged state comes back as a 304 with only the core's clock */
    let shownTag: string | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;

    /** one fetch at a time: a refresh asked for meanwhile runs once after it, with the tag it brought */
    let inFlight = false;
    let again = false;

    async function refresh(): Promise<void> {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      try {
        await fetchState();
      } finally {
        inFlight = false;
        if (again && !disposed) {
          again = false;
          void refresh();
        }
      }
    }

    async function fetchState(): Promise<void> {
      const request = ++requested;
      try {
        await fetchFromCore('/api/state', token, shownTag ? { 'if-none-match': shownTag } : {}, async (response) => {
          const receivedAt = performance.now();
          if (response.status === 304) {
            const nowMs = Number(response.headers.get(DISPLAY_CORE_NOW_HEADER));
            if (disposed || request < applied || !Number.isFinite(nowMs)) return;
            applied = request;
            setSnapshot((shown) => (shown?.state.mode === 'playing' ? { state: { ...shown.state, nowMs }, receivedAt } : shown));
            return;
          }
          if (!response.ok) return;
          const tag = response.headers.get('etag');
          const state = parseDisplayState(await response.json());
          // An older response arriving late must not undo a newer one (e.g. re-show a withdrawn entry).
          if (disposed || state === null || request < applied) return;
          applied = request;
          shownTag = tag;
          setSnapshot({ state, receivedAt });
        });
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
