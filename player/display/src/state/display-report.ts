// What the page tells its core about itself: the window's size and the scene it shows. Pure; the hook posts it.
import {
  DISPLAY_REPORT_ID_MAX,
  DISPLAY_REPORT_TITLE_MAX,
  type DisplayMetrics,
  type DisplayReport,
  type DisplayShowing,
} from '../../../../shared/display/display-report.ts';
import type { Scene } from './scene.ts';

/** The parts of `window` the report reads, so tests need no browser. */
export interface WindowView {
  screen: { width: number; height: number };
  innerWidth: number;
  innerHeight: number;
  devicePixelRatio: number;
}

// The report's schema bounds; a freak value (a detached window reporting 0 or NaN) still yields a valid report.
const MAX_PIXELS = 100_000;
const MAX_PIXEL_RATIO = 16;

const pixels = (value: number): number => (Number.isFinite(value) ? Math.min(MAX_PIXELS, Math.max(0, Math.round(value))) : 0);

export function metricsOf(view: WindowView): DisplayMetrics {
  const ratio = view.devicePixelRatio;
  return {
    screenWidth: pixels(view.screen.width),
    screenHeight: pixels(view.screen.height),
    viewportWidth: pixels(view.innerWidth),
    viewportHeight: pixels(view.innerHeight),
    pixelRatio: Number.isFinite(ratio) && ratio > 0 ? Math.min(MAX_PIXEL_RATIO, ratio) : 1,
  };
}

export function showingOf(scene: Scene): DisplayShowing {
  switch (scene.kind) {
    case 'pairing':
    case 'fallback':
      return { kind: scene.kind, id: null, title: null };
    case 'list':
      return { kind: 'list', id: scene.item.id.slice(0, DISPLAY_REPORT_ID_MAX), title: scene.item.title.slice(0, DISPLAY_REPORT_TITLE_MAX) };
    case 'slide':
      return { kind: 'slide', id: scene.item.id.slice(0, DISPLAY_REPORT_ID_MAX), title: scene.item.slide.title.slice(0, DISPLAY_REPORT_TITLE_MAX) };
    case 'emergency':
      return { kind: 'emergency', id: scene.emergency.id.slice(0, DISPLAY_REPORT_ID_MAX), title: scene.emergency.title.slice(0, DISPLAY_REPORT_TITLE_MAX) };
    case 'media':
      return { kind: scene.item.kind, id: scene.item.id.slice(0, DISPLAY_REPORT_ID_MAX), title: scene.item.title.slice(0, DISPLAY_REPORT_TITLE_MAX) };
  }
}

export function displayReportOf(scene: Scene, view: WindowView): DisplayReport {
  return { metrics: metricsOf(view), showing: showingOf(scene) };
}
