// The kiosk page's heap after a forced garbage collection, read over the Chrome DevTools Protocol.

import type { CDPSession, Page } from 'playwright-core';
import { sleep } from '../fanout/stats.ts';

export interface HeapSample {
  /** V8's JavaScript heap in use, bytes */
  jsBytes: number;
  /** Blink's garbage-collected heap (DOM nodes, layout objects) in use, bytes */
  domBytes: number;
  /** DOM nodes alive in the page */
  domNodes: number;
  /** this process's clock, ms */
  at: number;
}

export interface HeapProbe {
  /**
   * The least of a few forced-GC samples spread over FLOOR_SPAN_MS. A sample taken while a fresh
   * copy of a 100,000-entry list is arriving beside the shown one (after a change) reads tens of MB
   * high: a leak raises the floor, a fetch in flight does not.
   */
  floor(): Promise<HeapSample>;
  detach(): Promise<void>;
}

const FLOOR_SAMPLES = 3;
/** Longer than the display's state poll (5 s), so at least one sample falls between two fetches. */
const FLOOR_SPAN_MS = 6_000;

const totalBytes = (sample: HeapSample): number => sample.jsBytes + sample.domBytes;

export async function heapProbe(page: Page): Promise<HeapProbe> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const sample = async (): Promise<HeapSample> => {
    // Twice, with a pause: the second pass frees what finalizers of the first released.
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(200);
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return {
      jsBytes: usage.usedSize,
      domBytes: usage.embedderHeapUsedSize,
      domNodes: metrics.find((metric) => metric.name === 'Nodes')?.value ?? Number.NaN,
      // Taken here rather than in the page, which may be busy parsing a state for seconds.
      at: performance.now(),
    };
  };
  return {
    async floor() {
      let lowest = await sample();
      for (let i = 1; i < FLOOR_SAMPLES; i++) {
        await sleep(FLOOR_SPAN_MS / (FLOOR_SAMPLES - 1));
        const next = await sample();
        if (totalBytes(next) < totalBytes(lowest)) lowest = next;
      }
      return lowest;
    },
    detach: () => cdp.detach(),
  };
}

const MB = 1024 * 1024;
const mb = (bytes: number): number => Math.round((bytes / MB) * 100) / 100;

export interface HeapGrowth {
  /** the time between the two samples the growth is taken from, in s (the soak) */
  soakSeconds: number;
  /** growth of the JavaScript and DOM heaps together, in MB */
  heapGrowthMB: number;
  jsMB: { start: number; end: number };
  domMB: { start: number; end: number };
  domNodes: { start: number; end: number };
}

export function heapGrowth(start: HeapSample, end: HeapSample): HeapGrowth {
  return {
    soakSeconds: Math.round((end.at - start.at) / 1000),
    heapGrowthMB: mb(totalBytes(end) - totalBytes(start)),
    jsMB: { start: mb(start.jsBytes), end: mb(end.jsBytes) },
    domMB: { start: mb(start.domBytes), end: mb(end.domBytes) },
    domNodes: { start: start.domNodes, end: end.domNodes },
  };
}
