// Checks the emergency in a state from the core before the screen shows it; anything doubtful is dropped.
import type { DisplayEmergency } from '../../../../shared/display/display-state.ts';
import { containsFullIdNumber } from '../../../../shared/masking/unmasked-data.ts';

// The slide document's bounds, the widest an emergency can carry.
const TITLE_MAX = 200;
const BODY_MAX = 2000;
const FOOTER_MAX = 200;

const boundedText = (value: unknown, max: number): string | null => (typeof value === 'string' && value.length <= max ? value : null);

/** The screen is the last step before a public wall, so an unmasked ID is refused here a third time. */
export function parseEmergency(value: unknown): DisplayEmergency | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const candidate = value as Record<string, unknown>;
  const id = boundedText(candidate.id, 64);
  const title = boundedText(candidate.title, TITLE_MAX);
  const body = boundedText(candidate.body, BODY_MAX);
  const footer = candidate.footer === null || candidate.footer === undefined ? null : boundedText(candidate.footer, FOOTER_MAX);
  const issuedAt = typeof candidate.issuedAt === 'number' && Number.isFinite(candidate.issuedAt) ? candidate.issuedAt : null;
  if (!id || !title || body === null || issuedAt === null || (candidate.footer != null && footer === null)) return null;
  if ([title, body, footer ?? ''].some(containsFullIdNumber)) return null;
  return { id, title, body, footer, issuedAt };
}
