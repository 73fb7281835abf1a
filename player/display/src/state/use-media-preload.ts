// Loads the image or video that follows the current item while the current one plays, so it is
// decoded before its scene fades in (no empty frame between items).
import { useEffect } from 'react';
import type { DisplayItem } from '../../../../shared/display/display-state.ts';

/** The item after `current` in the looping timeline, or null. */
export function nextItemOf(timeline: readonly DisplayItem[] | null, current: DisplayItem | null): DisplayItem | null {
  if (timeline === null || current === null || timeline.length < 2) return null;
  const at = timeline.findIndex((item) => item.id === current.id && item.kind === current.kind);
  return at === -1 ? null : (timeline[(at + 1) % timeline.length] ?? null);
}

/** The picture or video the next item shows: its own, or the one beside a split list. */
export function nextMediaOf(next: DisplayItem | null): { src: string; kind: 'image' | 'video' } | null {
  if (next === null) return null;
  if (next.kind === 'image' || next.kind === 'video') return { src: next.src, kind: next.kind };
  if (next.kind === 'list' && next.split) return { src: next.split.src, kind: next.split.kind };
  return null;
}

export function useMediaPreload(timeline: readonly DisplayItem[] | null, current: DisplayItem | null): void {
  const media = nextMediaOf(nextItemOf(timeline, current));
  const src = media?.src ?? null;
  const kind = media?.kind ?? null;
  useEffect(() => {
    if (src === null) return;
    if (kind === 'image') {
      const image = new Image();
      image.decoding = 'async';
      image.src = src;
      // Decoded into the image cache; the <img> of the next scene then paints in its first frame.
      image.decode().catch(() => undefined);
      return () => {
        image.src = '';
      };
    }
    const video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    video.src = src;
    video.load();
    return () => {
      video.removeAttribute('src');
      video.load();
    };
  }, [src, kind]);
}
