// What the page tells its core about itself: the window's size and the scene it shows. Pure; the hook posts it.
import {
  DISPLAY_REPORT_ID_MAX,
  DISPLAY_REPORT_TITLE_MAX,
  type DisplayMetrics,
  type DisplayReport,
  type DisplayShowing,
} from '../../../../shared/display/display-report.ts';
import type { MediaDecodeStatus } from './media-decode.ts';
import type { Scene } from './scene.ts';

/** What the page knows of a media src's decoding (media-decode.ts). */
export type MediaStatusOf = (src: string) => MediaDecodeStatus;

// A caller that does not know whether media decoded must not claim it was shown.
const UNKNOWN_MEDIA: MediaStatusOf = () => 'pending';

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

/**
 * What is on screen, as proof of play will count it. An image or video counts once the browser has
 * decoded it; one that failed is reported as what the screen shows in its place, the fallback
 * slide; one not yet decoded as its kind without an id, which proves nothing and closes the
 * previous play.
 */
export function showingOf(scene: Scene, mediaStatus: MediaStatusOf = UNKNOWN_MEDIA): DisplayShowing {
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
    case 'media': {
      const status = mediaStatus(scene.item.src);
      if (status === 'failed') return { kind: 'fallback', id: null, title: null };
      if (status === 'pending') return { kind: scene.item.kind, id: null, title: null };
      return { kind: scene.item.kind, id: scene.item.id.slice(0, DISPLAY_REPORT_ID_MAX), title: scene.item.title.slice(0, DISPLAY_REPORT_TITLE_MAX) };
    }
  }
}

export function displayReportOf(scene: Scene, view: WindowView, mediaStatus: MediaStatusOf = UNKNOWN_MEDIA): DisplayReport {
  return { metrics: metricsOf(view), showing: showingOf(scene, mediaStatus) };
}
