// The page's report to its core: built from the scene and the window, always valid, and refused by the core without the token.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DISPLAY_REPORT_PATH, displayReportSchema, type DisplayReport } from '../../../shared/display/display-report.ts';
import { startDisplayServer, type DisplayServer } from '../../../player/core/display-server.ts';
import { displayReportOf, metricsOf, showingOf, type WindowView } from '../../../player/display/src/state/display-report.ts';
import type { Scene } from '../../../player/display/src/state/scene.ts';
import { silentLogger, tempDir } from './fixtures.ts';

const WINDOW: WindowView = { screen: { width: 1920, height: 1080 }, innerWidth: 1920, innerHeight: 1080, devicePixelRatio: 1 };

const LIST_SCENE: Scene = {
  kind: 'list',
  key: 'list:black',
  theme: 'black',
  item: { kind: 'list', id: 'black', list: 'black', title: '失信黑名单', source: '信用乌海', durationMs: 30_000, entries: [] },
};

describe('display report (page side)', () => {
  it('names the item on screen and measures the window', () => {
    assert.deepEqual(displayReportOf(LIST_SCENE, WINDOW), {
      metrics: { screenWidth: 1920, screenHeight: 1080, viewportWidth: 1920, viewportHeight: 1080, pixelRatio: 1 },
      showing: { kind: 'list', id: 'black', title: '失信黑名单' },
    });
    assert.deepEqual(showingOf({ kind: 'fallback', key: 'fallback', theme: 'integrity' }), { kind: 'fallback', id: null, title: null });
  });

  it('stays within the schema for freak windows and long titles', () => {
    const odd: WindowView = { screen: { width: Number.NaN, height: 1e9 }, innerWidth: -3, innerHeight: 1079.6, devicePixelRatio: 0 };
    assert.deepEqual(metricsOf(odd), { screenWidth: 0, screenHeight: 100_000, viewportWidth: 0, viewportHeight: 1080, pixelRatio: 1 });
    const longTitle: Scene = { ...LIST_SCENE, item: { ...LIST_SCENE.item, title: '长'.repeat(500), id: 'x'.repeat(500) } } as Scene;
    assert.equal(displayReportSchema.safeParse(displayReportOf(longTitle, odd)).success, true);
  });
});

describe('display report (core side)', () => {
  const staticDir = tempDir('gongshi-display-');
  const token = 'report-test-token';
  const received: DisplayReport[] = [];
  let server: DisplayServer;

  before(async () => {
    writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>display</title>');
    server = await startDisplayServer({
      port: 0,
      staticDir: staticDir.path,
      token,
      getState: () => ({ mode: 'pairing', pairingCode: null, controllerUrl: '', locale: 'zh-CN' }),
      onDisplayReport: (report) => received.push(report),
      logger: silentLogger,
    });
  });

  after(async () => {
    await server.close();
    staticDir.remove();
  });

  const post = (body: unknown, headers: Record<string, string> = { 'x-display-token': token }) =>
    fetch(`http://127.0.0.1:${server.port}${DISPLAY_REPORT_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('accepts a valid report with the token and hands it on', async () => {
    const report = displayReportOf(LIST_SCENE, WINDOW);
    const response = await post(report);
    assert.equal(response.status, 204);
    assert.deepEqual(received.at(-1), report);
  });

  it('refuses a report without the token, before reading it', async () => {
    const count = received.length;
    const response = await post(displayReportOf(LIST_SCENE, WINDOW), {});
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { code: string }).code, 'display-token-invalid');
    assert.equal(received.length, count);
  });

  it('refuses a malformed report with the issues, and an oversized one', async () => {
    const bad = await post({ metrics: { screenWidth: 'wide' }, showing: { kind: 'video', id: null, title: null } });
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as { code: string; message: string; details: { issues: unknown[] } };
    assert.equal(body.code, 'display-report-invalid');
    assert.ok(body.details.issues.length > 0);
    const huge = await post({ padding: 'x'.repeat(10_000) });
    assert.equal(huge.status, 413);
  });
});
