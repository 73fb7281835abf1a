// Cycles through the timeline by each item's durationMs, looping, and survives timeline updates.
import { useEffect, useState } from 'react';
import type { DisplayItem } from '../../../../shared/display/display-state.ts';

interface Cursor {
  index: number;
  id: string | null;
  /** performance.now() when the item started, so a state refresh does not restart its duration */
  startedAt: number;
}

function resolveIndex(timeline: readonly DisplayItem[], cursor: Cursor): number {
  if (timeline[cursor.index]?.id === cursor.id) return cursor.index;
  const moved = timeline.findIndex((item) => item.id === cursor.id);
  return moved >= 0 ? moved : 0;
}

export function useTimelineCursor(timeline: readonly DisplayItem[] | null): DisplayItem | null {
  const [cursor, setCursor] = useState<Cursor>(() => ({ index: 0, id: null, startedAt: performance.now() }));
  const index = timeline ? resolveIndex(timeline, cursor) : 0;
  const current = timeline?.[index] ?? null;
  const currentId = current?.id ?? null;
  const durationMs = current?.durationMs ?? 0;
  const length = timeline?.length ?? 0;
  const nextId = timeline?.[(index + 1) % Math.max(1, length)]?.id ?? null;

  useEffect(() => {
    if (currentId === null) return;
    // The cursor's item vanished (or this is the first item): it starts now.
    if (cursor.id !== currentId || cursor.index !== index) {
      const restart = cursor.id !== currentId;
      setCursor({ index, id: currentId, startedAt: restart ? performance.now() : cursor.startedAt });
      return;
    }
    const remaining = Math.max(0, cursor.startedAt + durationMs - performance.now());
    const timer = setTimeout(() => {
      setCursor({ index: (index + 1) % length, id: nextId, startedAt: performance.now() });
    }, remaining);
    return () => clearTimeout(timer);
  }, [cursor, currentId, index, durationMs, length, nextId]);

  return current;
}
