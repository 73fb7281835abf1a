// Which item of a looping playlist is on at an instant, from when the loop started: pure, so a
// restarted player resumes mid-rotation instead of starting over.

export interface PlaylistPosition<Item> {
  /** index into playlist.items */
  index: number;
  item: Item;
  /** how many whole loops came before this one (negative before startedAtMs) */
  loop: number;
  itemStartedAtMs: number;
  /** when the next item takes over: the player's next timer */
  itemEndsAtMs: number;
}

/**
 * The loop is treated as running forever in both directions from startedAtMs, so an instant
 * before it (a clock stepped back) still gets a well-defined item rather than an error; the
 * caller decides whether to re-anchor.
 */
export function playlistPosition<Item extends { durationMs: number }>(
  playlist: { items: readonly Item[] },
  startedAtMs: number,
  nowMs: number,
): PlaylistPosition<Item> {
  const { items } = playlist;
  if (items.length === 0) throw new RangeError('a playlist needs at least one item');
  let loopMs = 0;
  for (const item of items) {
    if (!Number.isFinite(item.durationMs) || item.durationMs <= 0) throw new RangeError(`item durations must be positive, got ${item.durationMs}`);
    loopMs += item.durationMs;
  }
  if (!Number.isFinite(startedAtMs) || !Number.isFinite(nowMs)) throw new RangeError('startedAtMs and nowMs must be finite epoch ms');

  const elapsedMs = nowMs - startedAtMs;
  const loop = Math.floor(elapsedMs / loopMs);
  const loopStartedAtMs = startedAtMs + loop * loopMs;
  // The last item takes whatever is left of the loop, so a rounding remainder never falls off the end.
  let index = 0;
  let itemStartedAtMs = loopStartedAtMs;
  while (index < items.length - 1 && nowMs >= itemStartedAtMs + (items[index] as Item).durationMs) {
    itemStartedAtMs += (items[index] as Item).durationMs;
    index += 1;
  }
  const item = items[index] as Item;
  return { index, item, loop, itemStartedAtMs, itemEndsAtMs: itemStartedAtMs + item.durationMs };
}
