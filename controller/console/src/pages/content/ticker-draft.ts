// A ticker being edited: the form's values, the request they submit, and the ticker the preview runs.

import { DEFAULT_TICKER_PX_PER_SECOND, type TickerRequest } from '../../../../../shared/content/content-requests.ts';
import type { TickerDocument } from '../../../../../shared/content/documents.ts';
import type { DisplayTicker } from '../../../../../shared/display/display-state.ts';

export interface TickerDraft {
  text?: string;
  title?: string;
  pxPerSecond?: number;
}

/** The controller names an untitled ticker by this much of its text (POST /api/v1/content/tickers). */
const DERIVED_TITLE_LENGTH = 40;

export const EMPTY_TICKER_DRAFT: Required<TickerDraft> = { text: '', title: '', pxPerSecond: DEFAULT_TICKER_PX_PER_SECOND };

/** A ticker is one line: pasted line breaks become spaces, runs of spaces one. */
export function tickerLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function tickerRequestOf(draft: TickerDraft): TickerRequest {
  const title = draft.title?.trim() ?? '';
  return { text: tickerLine(draft.text ?? ''), pxPerSecond: draft.pxPerSecond ?? DEFAULT_TICKER_PX_PER_SECOND, ...(title ? { title } : {}) };
}

/** An existing ticker as the form's starting values; a title the controller derived from the text is left blank. */
export function tickerDraftOf(document: TickerDocument): Required<TickerDraft> {
  const derived = document.text.slice(0, DERIVED_TITLE_LENGTH);
  return { text: document.text, title: document.title === derived ? '' : document.title, pxPerSecond: document.pxPerSecond };
}

export function previewTickerOf(draft: TickerDraft, standInText: string): DisplayTicker {
  const request = tickerRequestOf(draft);
  return { id: 'preview', text: request.text || standInText, pxPerSecond: request.pxPerSecond ?? DEFAULT_TICKER_PX_PER_SECOND };
}
