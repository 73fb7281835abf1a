// Which images and videos on the page the browser has decoded, from the media elements' own events.
// Proof of play counts an image or video only once decoded: one that fails shows the built-in slide
// (MediaView) and is reported as such, so an auditor never sees a play of something nobody saw.

/**
 * 'pending': nothing known yet (loading, or fetched but not yet proven decodable); 'decoded': the
 * browser has its pixels (an image's decode() resolved, a video's first frame is in); 'failed': the
 * element raised 'error', so MediaView shows the fallback slide in its place.
 */
export type MediaDecodeStatus = 'pending' | 'decoded' | 'failed';

export interface MediaDecodeLog {
  /** the last status seen for a media src (an item's `src`, as rendered) */
  status(src: string): MediaDecodeStatus;
  record(src: string, status: Exclude<MediaDecodeStatus, 'pending'>): void;
  /** called with the src whose status changed; returns the unsubscribe */
  subscribe(listener: (src: string) => void): () => void;
}

// A screen's timeline names a handful of media; a few manifests' worth is plenty to remember.
const MAX_REMEMBERED = 200;

/**
 * Remembers the newest status per src: the same bytes (a src names a SHA-256) decode the same way
 * on the next round of the timeline, so an item shown again is reported at once; a later event for
 * it (a new element's load or error) still overrides.
 */
export function createMediaDecodeLog(): MediaDecodeLog {
  const statuses = new Map<string, Exclude<MediaDecodeStatus, 'pending'>>();
  const listeners = new Set<(src: string) => void>();
  return {
    status: (src) => statuses.get(src) ?? 'pending',
    record(src, status) {
      if (statuses.get(src) === status) return;
      statuses.delete(src);
      statuses.set(src, status);
      if (statuses.size > MAX_REMEMBERED) statuses.delete(statuses.keys().next().value as string);
      for (const listener of listeners) listener(src);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Records the decoding of every <img> and <video> in the document. Media events do not bubble, so
 * the listeners sit in the capture phase, which every event passes through: the elements' own
 * handlers (MediaView's onError) stay as they are. Preloads (use-media-preload) are not in the
 * document and are not seen, rightly: a preload is not on screen.
 */
export function watchMediaDecoding(doc: Document, log: MediaDecodeLog): () => void {
  const srcOf = (target: EventTarget | null): { element: HTMLImageElement | HTMLVideoElement; src: string } | null => {
    if (!(target instanceof HTMLImageElement) && !(target instanceof HTMLVideoElement)) return null;
    const src = target.getAttribute('src');
    return src ? { element: target, src } : null;
  };
  const onImageLoad = (event: Event): void => {
    const media = srcOf(event.target);
    if (!media || !(media.element instanceof HTMLImageElement)) return;
    // 'load' means fetched and sized; decode() proves the pixels decode too (a damaged image body
    // can load, then paint as nothing). A rejection leaves it unproven, not failed: MediaView only
    // swaps in the fallback slide on 'error'.
    media.element.decode().then(
      () => log.record(media.src, 'decoded'),
      () => undefined,
    );
  };
  const onVideoData = (event: Event): void => {
    const media = srcOf(event.target);
    if (media && media.element instanceof HTMLVideoElement) log.record(media.src, 'decoded');
  };
  const onError = (event: Event): void => {
    const media = srcOf(event.target);
    if (media) log.record(media.src, 'failed');
  };
  doc.addEventListener('load', onImageLoad, true);
  doc.addEventListener('loadeddata', onVideoData, true);
  doc.addEventListener('error', onError, true);
  return () => {
    doc.removeEventListener('load', onImageLoad, true);
    doc.removeEventListener('loadeddata', onVideoData, true);
    doc.removeEventListener('error', onError, true);
  };
}
