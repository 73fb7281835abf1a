// A screen in miniature: a frame the size of the real screen in pixels, holding the display's own
// stylesheets, drawn smaller with a CSS transform so it looks exactly as the screen will.

import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { displayFrameDocument } from './display-frame-css.ts';
import { previewScale, type ScreenSize } from './screen-sizes.ts';

interface DisplayFrameProps {
  size: ScreenSize;
  /** the tallest the miniature may be, px; its width is what the parent gives it */
  maxHeight: number;
  /** the frame's accessible name */
  title: string;
  /** a line under the miniature, given the scale it is drawn at */
  caption?: (scale: number) => ReactNode;
  children: ReactNode;
}

/** The width the element's parent lets it have, followed as the page resizes. */
function useAvailableWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The display's components are rendered into the frame's body through a portal: they keep this
 * page's React state, while their CSS (`:root`, `vw`, `vh`) and their measurements
 * (getBoundingClientRect, which a transform would otherwise shrink) are the screen's own.
 */
export function DisplayFrame({ size, maxHeight, title, caption, children }: DisplayFrameProps) {
  const [boxRef, availableWidth] = useAvailableWidth();
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [body, setBody] = useState<HTMLElement | null>(null);
  const [document] = useState(() => displayFrameDocument('zh-CN'));
  const scale = previewScale(size, availableWidth, maxHeight);

  useLayoutEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    // srcdoc loads asynchronously; until then the frame holds an empty about:blank document.
    const onLoad = () => setBody(frame.contentDocument?.body ?? null);
    frame.addEventListener('load', onLoad);
    if (frame.contentDocument?.readyState === 'complete' && frame.contentDocument.head.querySelector('style')) onLoad();
    return () => frame.removeEventListener('load', onLoad);
  }, []);

  return (
    <div ref={boxRef} style={{ width: '100%' }}>
      <div
        data-testid="display-preview"
        data-screen={size.key}
        style={{ width: Math.round(size.width * scale), height: Math.round(size.height * scale), overflow: 'hidden', margin: '0 auto', boxShadow: '0 0 0 1px #d9d9d9, 0 6px 18px rgba(0, 0, 0, 0.12)', background: '#0a2342' }}
      >
        <iframe
          ref={frameRef}
          title={title}
          srcDoc={document}
          width={size.width}
          height={size.height}
          tabIndex={-1}
          style={{ display: 'block', border: 0, transform: `scale(${scale})`, transformOrigin: '0 0', pointerEvents: 'none' }}
        />
        {body && createPortal(children, body)}
      </div>
      {caption && scale > 0 && caption(scale)}
    </div>
  );
}
