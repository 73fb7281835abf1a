// The manifest item ids proof of play records (`list-red`, `slide-<id>`, `listview-<id>`) and the
// content they stand for: what the content filter offers and how a play's content is named. Pure.

export const BUILT_IN_LISTS = ['list-red', 'list-black'] as const;
export type BuiltInList = (typeof BUILT_IN_LISTS)[number];

/** Kinds a screen plays; tickers run beside the programme and are not proven item by item. */
const PLAYED_KINDS = new Set(['slide', 'image', 'video', 'list-view']);

export function isBuiltInList(playContentId: string): playContentId is BuiltInList {
  return (BUILT_IN_LISTS as readonly string[]).includes(playContentId);
}

/** The id a content row has on the manifest, hence in proof of play; null for what is never played. */
export function playItemIdOf(content: { id: string; kind: string }): string | null {
  if (!PLAYED_KINDS.has(content.kind)) return null;
  return content.kind === 'list-view' ? `listview-${content.id}` : `${content.kind}-${content.id}`;
}
