// The display's own stylesheets, as text for the preview frame's document: inside the frame they
// apply as on a screen (:root, vw and vh are the screen's), and nothing of them reaches antd's page.

import baseCss from '../../../../../player/display/src/styles/base.css?inline';
import crawlCss from '../../../../../player/display/src/styles/crawl.css?inline';
import slideCss from '../../../../../player/display/src/styles/slide.css?inline';
import themesCss from '../../../../../player/display/src/styles/themes.css?inline';
import tickerCss from '../../../../../player/display/src/styles/ticker.css?inline';

/** The kiosk hides the pointer and forbids selection; an editor's preview is looked at with a mouse. */
const PREVIEW_OVERRIDES = 'html, body { cursor: default; }';

export const DISPLAY_FRAME_CSS = [baseCss, themesCss, slideCss, crawlCss, tickerCss, PREVIEW_OVERRIDES].join('\n');

/** The frame's document: the display's page with its styles and an empty body the preview renders into. */
export function displayFrameDocument(lang: string): string {
  // A CSS text holds no "</style" (the display's sheets are ours), so it cannot end the element early.
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>${DISPLAY_FRAME_CSS}</style></head><body></body></html>`;
}
