// The picture or video beside a list in the 'split' layout, letterboxed whole as MediaView shows it full screen.
import type { DisplaySplitMedia } from '../../../../shared/display/display-state.ts';
import '../styles/media.css';

interface SplitMediaProps {
  media: DisplaySplitMedia;
  /** the browser could not decode it: the list takes the whole screen instead of sitting beside an empty pane */
  onUnplayable: () => void;
}

// MediaView would stand its built-in slide in for a broken file, which does not fit a side pane; otherwise the same rendering.
export function SplitMedia({ media, onUnplayable }: SplitMediaProps) {
  return (
    <figure className="media split-media" data-testid="split-media" data-media-kind={media.kind}>
      {media.kind === 'image' ? (
        <img className="media__content" src={media.src} alt={media.title} decoding="async" onError={onUnplayable} />
      ) : (
        // Muted and looping as in MediaView: the list's duration, not the clip's, decides when it ends.
        <video className="media__content" src={media.src} autoPlay muted loop playsInline preload="auto" aria-label={media.title} onError={onUnplayable} />
      )}
    </figure>
  );
}
