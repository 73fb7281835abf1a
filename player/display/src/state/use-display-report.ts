// Posts the page's report to its core on every scene change, on resize, and every DISPLAY_REPORT_INTERVAL_MS.
import { useEffect, useRef } from 'react';
import { DISPLAY_REPORT_INTERVAL_MS, DISPLAY_REPORT_PATH } from '../../../../shared/display/display-report.ts';
import { displayReportOf } from './display-report.ts';
import type { Scene } from './scene.ts';

// Under the report interval: a hung core must not pile up requests.
const REPORT_TIMEOUT_MS = 4_000;

export function useDisplayReport(token: string, scene: Scene): void {
  const latest = useRef(scene);
  latest.current = scene;

  const send = useRef<() => void>(() => undefined);
  send.current = () => {
    const report = displayReportOf(latest.current, window);
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

  useEffect(() => {
    send.current();
  }, [token, scene.key]);
}
