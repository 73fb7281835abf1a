// The display's first requests to its core: the state, then the first page of each list it names,
// sent as the page starts (main.tsx) while the main bundle (React, the parsers) still loads and
// runs, which takes a 2-core screen a few hundred ms. The hooks take the answers instead of asking
// again; the answers are checked there, like any other.
import { entrySetPagePath } from '../../../../shared/display/display-state.ts';
import { fetchFromCore } from './core-fetch.ts';

/** An answer of the core, its body read as JSON (null: none, or not JSON). */
export interface CoreAnswer {
  status: number;
  etag: string | null;
  /** the DISPLAY_CORE_NOW_HEADER value */
  coreNow: string | null;
  body: unknown;
  /** performance.now() when the answer's headers arrived */
  receivedAt: number;
}

/** One request to the core with the display's timeouts; rejects when it fails or times out. */
export function askCore(path: string, token: string, headers: Record<string, string>, coreNowHeader: string): Promise<CoreAnswer> {
  return fetchFromCore(path, token, headers, async (response) => {
    const receivedAt = performance.now();
    const body: unknown = response.ok && response.status !== 304 ? await response.json().catch(() => null) : null;
    return { status: response.status, etag: response.headers.get('etag'), coreNow: response.headers.get(coreNowHeader), body, receivedAt };
  });
}

let earlyState: Promise<CoreAnswer> | null = null;
const earlyFirstPages = new Map<string, Promise<CoreAnswer>>();

/** The ids of the entry sets a state names, as far as they look like ids: only asked of our own core. */
function setIdsNamedIn(body: unknown): string[] {
  const timeline = (body as { timeline?: unknown } | null)?.timeline;
  if (!Array.isArray(timeline)) return [];
  return timeline.map((item: { entrySet?: { id?: unknown } } | null) => item?.entrySet?.id).filter((id): id is string => typeof id === 'string');
}

/** A promise nobody takes must not be an unhandled rejection: whoever takes it handles its failure. */
function kept<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export function sendEarlyRequests(token: string, coreNowHeader: string): void {
  earlyState = kept(
    askCore('/api/state', token, {}, coreNowHeader).then((answer) => {
      for (const id of setIdsNamedIn(answer.body)) earlyFirstPages.set(id, kept(askCore(entrySetPagePath(id, 0), token, {}, coreNowHeader)));
      return answer;
    }),
  );
}

/** The early state's answer, once; null when it was taken or never asked for. */
export function takeEarlyState(): Promise<CoreAnswer> | null {
  const answer = earlyState;
  earlyState = null;
  return answer;
}

/** The early answer for a set's first page, once; null when there is none. */
export function takeEarlyFirstPage(setId: string): Promise<CoreAnswer> | null {
  const answer = earlyFirstPages.get(setId) ?? null;
  earlyFirstPages.delete(setId);
  return answer;
}
