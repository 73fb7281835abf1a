// What the screen says it shows, from its heartbeat's onScreen ("list:black 失信黑名单", "slide:intro 诚信乌海", "fallback", "pairing"). Pure.

export type ShowingKind = 'pairing' | 'fallback' | 'list' | 'slide' | 'image' | 'video' | 'emergency' | 'unknown';

export interface Showing {
  kind: ShowingKind;
  /** the timeline item's id, when the screen named one */
  itemId: string | null;
  title: string | null;
}

const KINDS: readonly ShowingKind[] = ['pairing', 'fallback', 'list', 'slide', 'image', 'video', 'emergency'];

/** null when the screen did not know (its page silent, or no heartbeat yet). */
export function parseShowing(onScreen: string | null | undefined): Showing | null {
  if (!onScreen) return null;
  const match = /^([a-z-]+)(?::(\S+))?(?: (.+))?$/.exec(onScreen.trim());
  const kind = match?.[1] as ShowingKind | undefined;
  if (!match || !kind || !KINDS.includes(kind)) return { kind: 'unknown', itemId: null, title: onScreen };
  return { kind, itemId: match[2] ?? null, title: match[3]?.trim() || null };
}
