// What may not appear in an emergency notice's text. Pure: the controller refuses such a notice and the player refuses it again.

import { containsFullIdNumber } from '../masking/unmasked-data.ts';
import type { EmergencyContent } from '../protocol/emergency.ts';

export type EmergencyTextProblem = 'unmasked-id' | 'markup' | 'control-characters';

// A tag-like run: the screen renders text, so markup would show as literal angle brackets at best.
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>/i;
// Line breaks are allowed in the body; other control characters are never meant for a wall.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The visible strings of a notice, whatever its kind. */
export function emergencyTexts(content: EmergencyContent): string[] {
  if (content.kind === 'text') return [content.title, content.body];
  return [content.slide.title, content.slide.body, content.slide.footer ?? ''];
}

/** Problems found, each once, in a stable order; none means the text may go on a public screen. */
export function findEmergencyTextProblems(content: EmergencyContent): EmergencyTextProblem[] {
  return findPublicTextProblems(emergencyTexts(content));
}

/** The same rules for any operator-written text a public screen shows (tickers, list-view titles). */
export function findPublicTextProblems(texts: readonly string[]): EmergencyTextProblem[] {
  const problems: EmergencyTextProblem[] = [];
  if (texts.some(containsFullIdNumber)) problems.push('unmasked-id');
  if (texts.some((text) => MARKUP.test(text))) problems.push('markup');
  if (texts.some((text) => CONTROL.test(text))) problems.push('control-characters');
  return problems;
}
