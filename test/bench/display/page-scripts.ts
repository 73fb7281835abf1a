// What the display bench runs inside the kiosk page: frame timestamps, first-frame marks, a row's position.
//
// Plain JavaScript in strings, not functions handed to page.evaluate: tsx compiles named functions
// (a rAF loop needs one) with a __name helper that exists in Node but not in the page.
// Selectors are the display's test contract (data-testid), not its markup, so the bench keeps
// measuring whatever the list scroller renders.

/** A list row of the scene on screen (not the echo copy a seamless loop may add). */
export const ENTRY_ROW = '[data-scene-state="current"] [data-testid="entry-row"]';

/** Epoch ms in the page, comparable with performance.timeOrigin + performance.now() in Node. */
const EPOCH_NOW = 'performance.timeOrigin + performance.now()';

/**
 * Init script (runs before the display's own code): marks when the first list row is in the DOM,
 * the next rAF, and the end of that frame's main-thread work (a message posted from the rAF runs
 * after the frame's style, layout and paint), which is the first frame painted with rows.
 */
export const FIRST_FRAME_MARKS = `(() => {
  const marks = {};
  window.__gongshiBenchMarks = marks;
  const observer = new MutationObserver(() => {
    if (document.querySelector('${ENTRY_ROW}') === null) return;
    observer.disconnect();
    marks.rowsInDom = ${EPOCH_NOW};
    requestAnimationFrame(() => {
      marks.firstRaf = ${EPOCH_NOW};
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { marks.framePainted = ${EPOCH_NOW}; };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

export const FIRST_FRAME_PAINTED = 'window.__gongshiBenchMarks !== undefined && window.__gongshiBenchMarks.framePainted !== undefined';

export interface PageTimings {
  timeOrigin: number;
  marks: { rowsInDom: number; firstRaf: number; framePainted: number };
  /** navigation timing, ms after timeOrigin */
  domContentLoaded: number;
  loadEventEnd: number;
  /** the display's /api/state fetches so far: ms after timeOrigin, and body size (0: none read) */
  stateFetches: Array<{ startTime: number; responseEnd: number; bodyBytes: number }>;
  /** the display's fetches of entry set pages so far, the same way */
  entryPageFetches: Array<{ startTime: number; responseEnd: number; bodyBytes: number }>;
}

export const READ_PAGE_TIMINGS = `(() => {
  const navigation = performance.getEntriesByType('navigation')[0];
  const fetchesOf = (test) => performance.getEntriesByType('resource')
    .filter((entry) => test(new URL(entry.name).pathname))
    .map((entry) => ({ startTime: entry.startTime, responseEnd: entry.responseEnd, bodyBytes: entry.decodedBodySize }));
  return {
    timeOrigin: performance.timeOrigin,
    marks: window.__gongshiBenchMarks,
    domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : NaN,
    loadEventEnd: navigation ? navigation.loadEventEnd : NaN,
    stateFetches: fetchesOf((path) => path === '/api/state'),
    entryPageFetches: fetchesOf((path) => path.startsWith('/api/entry-sets/')),
  };
})()`;

/**
 * Starts collecting every rAF timestamp (ms, page clock) until stopped, with the main thread's long
 * tasks and the display's state fetches meanwhile: what a slow frame was waiting on.
 */
export const START_FRAME_RECORDER = `(() => {
  const recording = { timestamps: [], longTasks: [], stateFetches: [], entryPageFetches: [], stopped: false, observers: [] };
  window.__gongshiBenchFrames = recording;
  const tick = (timestamp) => {
    recording.timestamps.push(timestamp);
    if (!recording.stopped) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const longTasks = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) recording.longTasks.push(entry.duration);
  });
  longTasks.observe({ type: 'longtask' });
  // An observer, not the resource timing buffer: that holds 250 entries, fewer than a long soak makes.
  const fetches = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const path = new URL(entry.name).pathname;
      const fetched = { ms: entry.responseEnd - entry.startTime, bytes: entry.decodedBodySize };
      if (path === '/api/state') recording.stateFetches.push(fetched);
      else if (path.startsWith('/api/entry-sets/')) recording.entryPageFetches.push(fetched);
    }
  });
  fetches.observe({ type: 'resource' });
  recording.observers.push(longTasks, fetches);
})()`;

export interface FrameRecording {
  timestamps: number[];
  /** durations of main-thread tasks over 50 ms */
  longTasks: number[];
  /** the display's /api/state fetches: request start to last byte, and body size */
  stateFetches: Array<{ ms: number; bytes: number }>;
  /** the display's fetches of entry set pages, the same way */
  entryPageFetches: Array<{ ms: number; bytes: number }>;
}

const RECORDING_SO_FAR = `({
  timestamps: recording.timestamps.slice(),
  longTasks: recording.longTasks.slice(),
  stateFetches: recording.stateFetches.slice(),
  entryPageFetches: recording.entryPageFetches.slice(),
})`;

/** A FrameRecording of what came so far; recording goes on. */
export const READ_FRAME_RECORDING = `(() => {
  const recording = window.__gongshiBenchFrames;
  return ${RECORDING_SO_FAR};
})()`;

/** The whole FrameRecording; the loop and observers stop. */
export const STOP_FRAME_RECORDER = `(() => {
  const recording = window.__gongshiBenchFrames;
  recording.stopped = true;
  for (const observer of recording.observers) observer.disconnect();
  return ${RECORDING_SO_FAR};
})()`;

export interface RowPosition {
  entryId: string;
  top: number;
  /**
   * the document timeline, ms: the time animations were last sampled at, which the row's position
   * matches even when a busy main thread has held frames back (performance.now() would run ahead)
   */
  at: number;
}

/** The entry row under the middle of the screen, or null. */
export const ROW_AT_CENTRE = `(() => {
  const row = document.elementsFromPoint(innerWidth / 2, innerHeight / 2)
    .map((element) => element.closest('[data-testid="entry-row"]'))
    .find((element) => element !== null);
  return row ? { entryId: row.getAttribute('data-entry-id'), top: row.getBoundingClientRect().top, at: document.timeline.currentTime } : null;
})()`;

/** Where the row of one entry is now, or null once the scroller has let it go. */
export function rowPositionOf(entryId: string): string {
  return `(() => {
  const row = document.querySelector(${JSON.stringify(`${ENTRY_ROW}[data-entry-id="${entryId}"]`)});
  return row ? { entryId: ${JSON.stringify(entryId)}, top: row.getBoundingClientRect().top, at: document.timeline.currentTime } : null;
})()`;
}
