// The real display page in Chromium reports its window and current scene to the core, at once on every scene change.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { DisplayReport } from '../../shared/display/display-report.ts';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { startDisplayServer, type DisplayServer } from '../../player/core/display-server.ts';
import { resolutionOf } from '../../player/core/sync/heartbeat.ts';
import { launchChromium } from '../support/chromium.ts';
import { DISPLAY_DIST, assertDisplayBuilt, listItem, makeEntries, playingState, slideItem } from '../support/display-fixtures.ts';
import { waitFor } from '../support/wait-for.ts';
import { servedDisplay } from '../support/entry-sets.ts';

describe('display report from the page', () => {
  let browser: Browser;
  let server: DisplayServer;
  const reports: DisplayReport[] = [];
  let current: () => DisplayState = playingState([listItem('black', makeEntries('black', 3))]);

  before(async () => {
    assertDisplayBuilt();
    server = await startDisplayServer({
      port: 0,
      staticDir: DISPLAY_DIST,
      token: randomBytes(16).toString('hex'),
      ...servedDisplay(() => current()),
      onDisplayReport: (report) => reports.push(report),
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reports the window in CSS pixels with its pixel ratio, and each scene as it comes on', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, screen: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      const listReport = await waitFor('a report of the list', () => reports.find((r) => r.showing.kind === 'list'));
      assert.deepEqual(listReport.showing, { kind: 'list', id: 'list-black', title: '乌海市失信被执行人名单' });
      assert.deepEqual(listReport.metrics, { screenWidth: 1280, screenHeight: 720, viewportWidth: 1280, viewportHeight: 720, pixelRatio: 1.5 });
      assert.equal(resolutionOf(listReport.metrics), '1920x1080');

      // Far sooner than the periodic report: a scene change is reported as it happens.
      current = playingState([slideItem({ title: '诚信乌海' }, 'slide-honesty')]);
      server.notifyStateChanged();
      const slideReport = await waitFor('a report of the slide', () => reports.find((r) => r.showing.kind === 'slide'), { timeoutMs: 5_000 });
      assert.deepEqual(slideReport.showing, { kind: 'slide', id: 'slide-honesty', title: '诚信乌海' });
    } finally {
      await context.close();
    }
  });
});
