// An approved image or video, letterboxed on the theme's background so no part of it is cropped.
import { useState } from 'react';
import '../styles/media.css';
import type { DisplayItem } from '../../../../shared/display/display-state.ts';
import { FallbackSlide } from './FallbackSlide.tsx';

type MediaItem = Extract<DisplayItem, { kind: 'image' | 'video' }>;

export function MediaView({ item }: { item: MediaItem }) {
  // A file the browser cannot decode (a codec Chromium lacks, a truncated image) would leave an
  // empty frame for the item's whole duration: the built-in slide stands in instead.
  const [failed, setFailed] = useState(false);
  if (failed) return <FallbackSlide />;
  const fail = (): void => setFailed(true);
  if (item.kind === 'image') {
    // decoding="sync": the frame that shows the scene already has the picture (the next item was
    // decoded ahead, see use-media-preload), so the cross-fade never reveals an empty layer.
    return (
      <figure className="media" data-testid="media" data-media-kind="image">
        <img className="media__content" src={item.src} alt={item.title} decoding="sync" onError={fail} />
      </figure>
    );
  }
  // Muted: browsers only autoplay muted video, and public halls rarely want sound from a list
  // screen. Looping fills a duration longer than the clip; the timeline decides when it ends.
  return (
    <figure className="media" data-testid="media" data-media-kind="video">
      <video className="media__content" src={item.src} autoPlay muted loop playsInline preload="auto" aria-label={item.title} onError={fail} />
    </figure>
  );
}
