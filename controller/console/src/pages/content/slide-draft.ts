// A slide being edited: the form's values, the request they submit, and the document the preview draws.

import type { SlideRequest } from '../../../../../shared/content/content-requests.ts';
import type { SlideDocument } from '../../../../../shared/protocol/manifest.ts';

export interface SlideDraft {
  title?: string;
  body?: string;
  theme?: SlideDocument['theme'];
  footer?: string;
}

export const EMPTY_SLIDE_DRAFT: Required<SlideDraft> = { title: '', body: '', theme: 'integrity', footer: '' };

/** What the form submits: trimmed text, and no footer rather than an empty one. */
export function slideRequestOf(draft: SlideDraft): SlideRequest {
  const footer = draft.footer?.trim() ?? '';
  return { title: (draft.title ?? '').trim(), body: (draft.body ?? '').trim(), theme: draft.theme ?? 'integrity', ...(footer ? { footer } : {}) };
}

/** An existing slide's document as the form's starting values (its edits become a new slide). */
export function slideDraftOf(document: SlideDocument): Required<SlideDraft> {
  return { title: document.title, body: document.body, theme: document.theme, footer: document.footer ?? '' };
}

/** What the preview shows while the form is being filled in: a stand-in title until one is typed. */
export function previewSlideOf(draft: SlideDraft, standInTitle: string): SlideDocument {
  const request = slideRequestOf(draft);
  return { kind: 'slide', ...request, title: request.title || standInTitle, theme: request.theme ?? 'integrity' };
}
