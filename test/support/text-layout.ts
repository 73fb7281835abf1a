// Measures, in the page, every line of text a passer-by can see on the current scene and its overlays: lines cut by the screen edge or by their own boxes, and lines drawn over other lines.
import type { Page } from 'playwright-core';

export interface TextLayoutFindings {
  /** lines partly hidden where nothing meant to hide part of a line */
  cut: string[];
  /** pairs of lines from different elements drawn over each other */
  overlaps: string[];
}

export interface TextLayoutTolerance {
  /** how far a line may reach past what clips it: sub-pixel layout rounding */
  edgePx: number;
  /** how far two lines may overlap both ways: glyphs' side bearings touching */
  overlapPx: number;
}

const DEFAULT_TOLERANCE: TextLayoutTolerance = { edgePx: 1, overlapPx: 2 };

/**
 * Looks at the current scene, the ticker band under it and the identify overlay over it.
 *
 * - The scene and what holds it (stage, root, body) are the screen, or end at the ticker band: a
 *   line they cut is one the screen is too small for.
 * - A box inside them that hides overflow cuts lines by design only where its content moves (the
 *   scrolling rows' window under the column heads, a crawl line: lines pass its edges along the
 *   motion) or, sideways, where it ends the text with an ellipsis. A line it hides whole (clamped
 *   off, scrolled out of the window) is not on screen. A line it hides in part otherwise (half a
 *   title under a line clamp squeezed below one line) is cut.
 * - Two lines overlap when their visible parts cover each other by more than the tolerance both
 *   ways; nested elements and the overlay (96 % opaque over the scene) are compared only within.
 *
 * A line's height is its line box: CJK fonts' ascent and descent reach past a 1.2 line height, and
 * lines are spaced by their line boxes. It is never taken as less than the font size.
 */
export async function measureTextLayout(page: Page, tolerance: TextLayoutTolerance = DEFAULT_TOLERANCE): Promise<TextLayoutFindings> {
  // Runs in the page: no named inner functions or arrow constants, which tsx would wrap in a helper the page lacks.
  return page.evaluate((tol) => {
    interface Box { left: number; top: number; right: number; bottom: number }
    interface Clipper { label: string; frame: boolean; box: Box; clipsX: boolean; clipsY: boolean; passX: boolean; passY: boolean }
    interface Line { element: Element; label: string; layer: string; box: Box }
    const scene = document.querySelector('[data-scene-state="current"]');
    if (!scene) return { cut: ['no current scene'], overlaps: [] };
    const overlay = document.querySelector('[data-testid="identify-overlay"]');
    const roots: Element[] = [scene, ...Array.from(document.querySelectorAll('[data-testid="ticker-band"]'))];
    if (overlay) roots.push(overlay);
    const clippers = new Map<Element, Clipper | null>();
    const lines: Line[] = [];
    const cut = new Set<string>();
    for (const root of roots) {
      const layer = root === overlay ? 'overlay' : 'scene';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (!element || text === '' || element.closest('[aria-hidden="true"]')) continue;
        if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const testId = element.closest('[data-testid]')?.getAttribute('data-testid');
        const label = `${element.tagName.toLowerCase()}${element.classList.length > 0 ? `.${Array.from(element.classList).join('.')}` : ''}${testId ? ` [${testId}]` : ''} "${text.slice(0, 30)}"`;
        const holders: Clipper[] = [];
        for (let holder: Element | null = element; holder; holder = holder.parentElement) {
          if (!clippers.has(holder)) {
            const style = getComputedStyle(holder);
            const clipsX = style.overflowX !== 'visible';
            const clipsY = style.overflowY !== 'visible';
            let clipper: Clipper | null = null;
            if (clipsX || clipsY) {
              // Overflow is clipped at the padding box: inside the borders (from the style: clientWidth and the like are rounded).
              const outer = holder.getBoundingClientRect();
              const box = {
                left: outer.left + parseFloat(style.borderLeftWidth),
                top: outer.top + parseFloat(style.borderTopWidth),
                right: outer.right - parseFloat(style.borderRightWidth),
                bottom: outer.bottom - parseFloat(style.borderBottomWidth),
              };
              // Which way its content moves: from the translations of the animations inside it.
              let movesX = false;
              let movesY = false;
              const frame = holder.contains(scene);
              for (const animation of frame ? [] : holder.getAnimations({ subtree: true })) {
                if (animation.playState === 'finished' || !(animation.effect instanceof KeyframeEffect)) continue;
                for (const keyframe of animation.effect.getKeyframes()) {
                  const transform = String(keyframe.transform ?? '');
                  const parts = /translate(3d|X|Y)?\(([^)]*)\)/.exec(transform);
                  if (!parts) continue;
                  const values = (parts[2] ?? '').split(',').map((value) => value.trim());
                  const moving = values.map((value) => !/^-?0(\.0+)?(px|%)?$/.test(value));
                  if (parts[1] === 'Y') movesY ||= moving[0] === true;
                  else movesX ||= moving[0] === true;
                  if (parts[1] === '3d' || parts[1] === undefined) movesY ||= moving[1] === true;
                }
              }
              const testIdOfHolder = holder.getAttribute('data-testid');
              clipper = {
                label: frame ? (box.bottom < window.innerHeight - 1 ? 'the stage above the ticker band' : 'the screen') : `${holder.tagName.toLowerCase()}${holder.classList.length > 0 ? `.${Array.from(holder.classList).join('.')}` : ''}${testIdOfHolder ? ` [${testIdOfHolder}]` : ''}`,
                frame,
                box,
                clipsX,
                clipsY,
                passX: movesX || style.textOverflow === 'ellipsis',
                passY: movesY,
              };
            }
            clippers.set(holder, clipper);
          }
          const known = clippers.get(holder);
          if (known) holders.push(known);
        }
        const style = getComputedStyle(element);
        const fontPx = parseFloat(style.fontSize);
        const lineHeightPx = parseFloat(style.lineHeight);
        // Chromium puts letter spacing after every character, the last of a line too: blank, not text.
        const trailingPx = Math.max(0, parseFloat(style.letterSpacing) || 0);
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of Array.from(range.getClientRects())) {
          if (rect.width < 0.5 || rect.height < 0.5) continue;
          const height = Math.min(rect.height, Math.max(Number.isNaN(lineHeightPx) ? rect.height : lineHeightPx, fontPx));
          const middle = (rect.top + rect.bottom) / 2;
          const shown: Box = { left: rect.left, top: middle - height / 2, right: Math.max(rect.left, rect.right - trailingPx), bottom: middle + height / 2 };
          const cuts: string[] = [];
          let hidden = false;
          let lost = false;
          for (const clipper of holders) {
            // A sliver left by the boxes inside (a row's last line under the edge of the rows' window) is not on screen.
            if (shown.right - shown.left <= tol.edgePx || shown.bottom - shown.top <= tol.edgePx) {
              hidden = true;
              break;
            }
            const { box } = clipper;
            // What the boxes inside this one left of the line.
            const insideX = Math.min(shown.right, box.right) - Math.max(shown.left, box.left);
            const insideY = Math.min(shown.bottom, box.bottom) - Math.max(shown.top, box.top);
            if ((clipper.clipsX && insideX <= tol.edgePx) || (clipper.clipsY && insideY <= tol.edgePx)) {
              // Wholly outside a box of the design: clamped off or scrolled away. Outside the screen: lost.
              if (clipper.frame) {
                cuts.push(`wholly outside ${clipper.label}`);
                lost = true;
              } else hidden = true;
              break;
            }
            const past: string[] = [];
            if (clipper.clipsX && (clipper.frame || !clipper.passX)) {
              if (box.left - shown.left > tol.edgePx) past.push(`left by ${Math.round(box.left - shown.left)}px`);
              if (shown.right - box.right > tol.edgePx) past.push(`right by ${Math.round(shown.right - box.right)}px`);
            }
            if (clipper.clipsY && (clipper.frame || !clipper.passY)) {
              if (box.top - shown.top > tol.edgePx) past.push(`top by ${Math.round(box.top - shown.top)}px`);
              if (shown.bottom - box.bottom > tol.edgePx) past.push(`bottom by ${Math.round(shown.bottom - box.bottom)}px`);
            }
            if (past.length > 0) cuts.push(`${past.join(', ')} at the edge of ${clipper.label}`);
            if (clipper.clipsX) {
              shown.left = Math.max(shown.left, box.left);
              shown.right = Math.min(shown.right, box.right);
            }
            if (clipper.clipsY) {
              shown.top = Math.max(shown.top, box.top);
              shown.bottom = Math.min(shown.bottom, box.bottom);
            }
          }
          if (hidden) continue;
          if (cuts.length > 0) cut.add(`${label} cut ${cuts.join('; ')}`);
          if (lost || shown.right - shown.left < 0.5 || shown.bottom - shown.top < 0.5) continue;
          lines.push({ element, label, layer, box: shown });
        }
      }
    }
    const overlaps = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i]!;
        const b = lines[j]!;
        // Nested elements share their text's space by design (a span in a heading).
        if (a.layer !== b.layer || a.element.contains(b.element) || b.element.contains(a.element)) continue;
        const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (across > tol.overlapPx && down > tol.overlapPx) overlaps.add(`${a.label} × ${b.label} (${Math.round(across)}×${Math.round(down)}px)`);
      }
    }
    return { cut: [...cut], overlaps: [...overlaps] };
  }, tolerance);
}
