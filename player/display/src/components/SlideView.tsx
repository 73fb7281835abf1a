// An integrity-propaganda slide: title and body in large type on its theme.
import '../styles/slide.css';
import type { SlideDocument } from '../../../../shared/protocol/manifest.ts';

// Longer bodies get smaller type so they still fit the screen rather than being cut off.
function bodySizeClass(body: string): string {
  const length = Array.from(body).length;
  if (length > 320) return 'slide__body--small';
  if (length > 120) return 'slide__body--medium';
  return 'slide__body--large';
}

export function SlideView({ slide }: { slide: SlideDocument }) {
  return (
    <section className="slide" data-testid="slide" data-slide-theme={slide.theme}>
      <div className="slide__ornament" aria-hidden="true" />
      <h1 className="slide__title" data-testid="slide-title">
        {slide.title}
      </h1>
      {slide.body && (
        <p className={`slide__body ${bodySizeClass(slide.body)}`} data-testid="slide-body">
          {slide.body}
        </p>
      )}
      {slide.footer && (
        <footer className="slide__footer" data-testid="slide-footer">
          {slide.footer}
        </footer>
      )}
    </section>
  );
}
