// Keeps the latest good state from the core: fetch on start, on every SSE `state` event, and on a
// timer. Its lists name their entries' sets; use-entry-sets.ts fetches those.
import { useEffect, useState } from 'react';
import { DISPLAY_CORE_NOW_HEADER, DISPLAY_RELOAD_EVENT, DISPLAY_STATE_EVENT, type ServedDisplayState } from '../../../../shared/display/display-state.ts';
import { askCore, takeEarlyState, type CoreAnswer } from './early-requests.ts';
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

/** What one /api/state request brought: a state, the core's clock for the state on screen (304), or nothing usable. */
type StateAnswer =
  | { kind: 'state'; state: ServedDisplayState; tag: string | null; receivedAt: number }
  | { kind: 'unchanged'; nowMs: number; receivedAt: number }
  | { kind: 'none' };

const NO_ANSWER: StateAnswer = { kind: 'none' };

/** What the core's answer to /api/state says, checked. */
function stateAnswerOf(answer: CoreAnswer): StateAnswer {
  if (answer.status === 304) {
    const nowMs = Number(answer.coreNow);
    return answer.coreNow !== null && Number.isFinite(nowMs) ? { kind: 'unchanged', nowMs, receivedAt: answer.receivedAt } : NO_ANSWER;
  }
  const state = answer.status === 200 ? parseDisplayState(answer.body) : null;
  return state === null ? NO_ANSWER : { kind: 'state', state, tag: answer.etag, receivedAt: answer.receivedAt };
}

/** The state, or for the state on screen (its tag) the core's clock; the page's first asking was sent early. */
async function requestState(token: string, shownTag: string | null): Promise<StateAnswer> {
  try {
    const early = shownTag === null ? takeEarlyState() : null;
    return stateAnswerOf(await (early ?? askCore('/api/state', token, shownTag ? { 'if-none-match': shownTag } : {}, DISPLAY_CORE_NOW_HEADER)));
  } catch {
    // Core briefly unreachable: keep showing the last good state.
    return NO_ANSWER;
  }
}

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
      const answer = await requestState(token, shownTag);
      // An older response arriving late must not undo a newer one (e.g. re-show a withdrawn entry).
      if (disposed || answer.kind === 'none' || request < applied) return;
      applied = request;
      if (answer.kind === 'unchanged') {
        setSnapshot((shown) => (shown?.state.mode === 'playing' ? { state: { ...shown.state, nowMs: answer.nowMs }, receivedAt: answer.receivedAt } : shown));
        return;
      }
      shownTag = answer.tag;
      setSnapshot({ state: answer.state, receivedAt: answer.receivedAt });
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
