// The text layout check the display screenshots rely on, on small hand-made pages in Chromium: it finds what it should and nothing by design.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chromiumSuite } from '../support/display-fixtures.ts';
import { measureTextLayout, type TextLayoutFindings } from '../support/text-layout.ts';

describe('the text layout check', () => {
  const suite = chromiumSuite();

  /** `body` inside a current scene filling a 400×300 screen, as the display's scenes do. */
  async function findingsFor(body: string): Promise<TextLayoutFindings> {
    const page = await suite.browser().newPage({ viewport: { width: 400, height: 300 } });
    try {
      await page.setContent(`
        <style>
          body { margin: 0; font: 20px/25px sans-serif; }
          p { margin: 0; white-space: nowrap; }
          .at { position: absolute; }
          @keyframes roll { to { transform: translate3d(0, -100px, 0); } }
        </style>
        <div data-scene-state="current" style="position: absolute; inset: 0; overflow: hidden">${body}</div>`);
      return await measureTextLayout(page);
    } finally {
      await page.close();
    }
  }

  test('finds a line the screen edge cuts', async () => {
    const findings = await findingsFor('<p class="at" style="left: 320px; top: 10px">Cut by the edge</p>');
    assert.equal(findings.cut.length, 1);
    assert.match(findings.cut[0]!, /^p\.at "Cut by the edge" cut right by \d+px at the edge of the screen$/);
  });

  test('finds two lines drawn over each other, but not a span over its own paragraph', async () => {
    const findings = await findingsFor(`
      <p class="at" style="left: 10px; top: 10px">First line <b>bold</b></p>
      <p class="at" style="left: 30px; top: 20px">Second line</p>`);
    assert.deepEqual(findings.cut, []);
    assert.equal(findings.overlaps.length, 2, findings.overlaps.join('\n'));
    assert.ok(findings.overlaps.every((overlap) => overlap.includes('"Second line"')));
  });

  test('finds a line its own box shows only in part, as a line clamp squeezed below one line', async () => {
    const findings = await findingsFor('<p style="height: 12px; overflow: hidden">Half a line</p>');
    assert.equal(findings.cut.length, 1);
    assert.match(findings.cut[0]!, /^p "Half a line" cut bottom by \d+px at the edge of p$/);
  });

  test('lets lines pass the edges of a window whose content moves, and skips what is hidden whole or aria-hidden', async () => {
    const findings = await findingsFor(`
      <div style="height: 60px; overflow: hidden">
        <div style="animation: roll 10s linear paused">
          <p>Row one</p><p>Row two</p><p>Row three, half shown</p><p>Row four, hidden</p>
        </div>
      </div>
      <div style="width: 120px; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 1; overflow: hidden; overflow-wrap: anywhere">
        A clamp shows its first line and hides the others whole
      </div>
      <p class="at" style="left: 0; top: 0" aria-hidden="true">Row one, an echo</p>`);
    assert.deepEqual(findings, { cut: [], overlaps: [] });
  });
});
