// Posts the page's report to its core on every scene change, when the current image or video decodes
// or fails, on resize, and every DISPLAY_REPORT_INTERVAL_MS.
import { useEffect, useRef } from 'react';
import { DISPLAY_REPORT_INTERVAL_MS, DISPLAY_REPORT_PATH } from '../../../../shared/display/display-report.ts';
import { displayReportOf } from './display-report.ts';
import { createMediaDecodeLog, watchMediaDecoding } from './media-decode.ts';
import type { Scene } from './scene.ts';

// Under the report interval: a hung core must not pile up requests.
const REPORT_TIMEOUT_MS = 4_000;

// One per page: media decode whatever hook instance renders them.
const mediaDecoding = createMediaDecodeLog();

export function useDisplayReport(token: string, scene: Scene): void {
  const latest = useRef(scene);
  latest.current = scene;

  const send = useRef<() => void>(() => undefined);
  send.current = () => {
    const report = displayReportOf(latest.current, window, mediaDecoding.status);
    fetch(DISPLAY_REPORT_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-display-token': token },
      body: JSON.stringify(report),
      signal: AbortSignal.timeout(REPORT_TIMEOUT_MS),
    }).catch(() => {
      // The core is briefly unreachable: the next report says the same, and the screen is unaffected.
    });
  };

  // The periodic report is also the page's sign of life: the core stops trusting a silent one.
  useEffect(() => {
    const report = (): void => send.current();
    const timer = setInterval(report, DISPLAY_REPORT_INTERVAL_MS);
    window.addEventListener('resize', report);
    return () => {
      clearInterval(timer);
      window.removeEventListener('resize', report);
    };
  }, []);

  // Installed before any media scene mounts (this runs when the page starts), so no decode is missed.
  useEffect(() => {
    const unwatch = watchMediaDecoding(document, mediaDecoding);
    const unsubscribe = mediaDecoding.subscribe((src) => {
      const current = latest.current;
      // The scene on screen just became provable (decoded) or turned into the fallback slide (failed).
      if (current.kind === 'media' && current.item.src === src) send.current();
    });
    return () => {
      unsubscribe();
      unwatch();
    };
  }, []);

  useEffect(() => {
    send.current();
  }, [token, scene.key]);
}
