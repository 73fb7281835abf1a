// Remote commands end to end: a real controller and real player cores over loopback, a real display page in Chromium for screenshots and reloads.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { PNG_SIGNATURE, type CommandKind } from '../../shared/protocol/commands.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { startPlayer, type Player } from '../../player/core/player.ts';
import { launchChromium } from '../support/chromium.ts';
import { importAndApprove, startControllerHarness, type ApiClient, type ControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, requireBuiltDisplay, shownEntryIds } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

interface CommandItem {
  id: string;
  kind: CommandKind;
  status: 'queued' | 'sent' | 'succeeded' | 'failed' | 'expired';
  attempts: number;
  sentAt: number | null;
  completedAt: number | null;
  result: any;
  error: { code: string; message: string } | null;
  screenshotUrl: string | null;
}

async function startCommandPlayer(h: ControllerHarness, dataDir: string, options: { onRestartRequested?: () => void } = {}): Promise<Player> {
  return startPlayer({
    controllerUrl: h.url,
    dataDir,
    displayPort: 0,
    displayStaticDir: requireBuiltDisplay(),
    logger: pino({ level: process.env.GONGSHI_TEST_LOG ?? 'silent' }),
    heartbeatIntervalMs: 60_000,
    ...options,
  });
}

async function send(client: ApiClient, screenId: string, kind: CommandKind, expiresInSeconds?: number): Promise<{ commandId: string; status: string }> {
  const response = await client.request('POST', `/api/v1/screens/${screenId}/commands`, { kind, ...(expiresInSeconds !== undefined ? { expiresInSeconds } : {}) });
  assert.equal(response.status, 202, JSON.stringify(response.body));
  return response.body as { commandId: string; status: string };
}

async function history(client: ApiClient, screenId: string): Promise<CommandItem[]> {
  const response = await client.request<{ items: CommandItem[] }>('GET', `/api/v1/screens/${screenId}/commands`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.items;
}

async function finished(client: ApiClient, screenId: string, commandId: string): Promise<CommandItem> {
  return waitFor(
    `command ${commandId} to finish`,
    async () => {
      const item = (await history(client, screenId)).find((c) => c.id === commandId);
      return item && (item.status === 'succeeded' || item.status === 'failed') ? item : null;
    },
    { timeoutMs: 30_000 },
  );
}

async function importBlackList(h: ControllerHarness): Promise<void> {
  await importAndApprove(h, 'black', toCsv(demoListRows('black', calendarDateAt(Date.now(), 480), 4, 7)));
}

describe('remote commands', () => {
  it('runs every kind on a connected screen and records each result once, with audit events', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    await importBlackList(h);
    let restartRequested = 0;
    const player = await startCommandPlayer(h, tempDir(t), { onRestartRequested: () => restartRequested++ });
    t.after(() => player.close());
    const technician = await h.as('technician');
    const screenId = await adoptPlayer(player, technician, '乌海站大屏');
    await waitFor('the list to be on screen', async () => shownEntryIds(await displayState(player)).length > 0);
    const shownBefore = shownEntryIds(await displayState(player));

    // The kiosk page, in Debian's Chromium: the screenshot is of the real display.
    const browser: Browser = await launchChromium();
    t.after(() => browser.close());
    const page: Page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 })).newPage();
    await page.goto(player.displayUrl);
    await page.waitForSelector('[data-testid="display-root"][data-mode="playing"]');
    player.setScreenshotProvider({ capture: async () => page.screenshot({ type: 'png' }) });

    // sync now
    const sync = await finished(technician, screenId, (await send(technician, screenId, 'sync-now')).commandId);
    assert.equal(sync.status, 'succeeded', JSON.stringify(sync.error));
    assert.equal(sync.result.kind, 'sync-now');
    assert.equal(sync.result.sync.outcome, 'applied');
    assert.equal(sync.result.sync.manifestVersion, player.status().manifestVersion);

    // identify: in the display state for 10 s, and on the page
    const identify = await finished(technician, screenId, (await send(technician, screenId, 'identify')).commandId);
    assert.equal(identify.status, 'succeeded', JSON.stringify(identify.error));
    assert.equal(identify.result.screenName, '乌海站大屏');
    const state = await displayState(player);
    assert.equal(state.mode, 'playing');
    assert.ok(state.mode === 'playing' && typeof state.identifyUntil === 'number' && state.identifyUntil > Date.now() + 5_000);
    await page.getByTestId('identify-overlay').getByText('乌海站大屏').waitFor();

    // screenshot: a PNG on the controller, fetched by the technician
    const shot = await finished(technician, screenId, (await send(technician, screenId, 'screenshot')).commandId);
    assert.equal(shot.status, 'succeeded', JSON.stringify(shot.error));
    assert.equal(shot.screenshotUrl, `/api/v1/screens/${screenId}/screenshots/${shot.id}`);
    const png = await fetch(`${h.url}${shot.screenshotUrl}`, { headers: { authorization: `Bearer ${(await technician.login('technician')).body.token}` } });
    assert.equal(png.status, 200);
    assert.equal(png.headers.get('content-type'), 'image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE);
    assert.equal(bytes.length, shot.result.bytes);
    const operator = await h.as('operator');
    assert.equal((await operator.request('GET', shot.screenshotUrl ?? '')).status, 403, 'operators do not see screenshots');

    // reload: the open page reloads
    const loaded = page.waitForEvent('load');
    const reload = await finished(technician, screenId, (await send(technician, screenId, 'reload-display')).commandId);
    assert.equal(reload.status, 'succeeded', JSON.stringify(reload.error));
    assert.ok(reload.result.displaysNotified >= 1);
    await loaded;
    await page.waitForSelector('[data-testid="display-root"][data-mode="playing"]');

    // clear cache: a full resync, and the same content on screen throughout and after
    const clear = await finished(technician, screenId, (await send(technician, screenId, 'clear-cache')).commandId);
    assert.equal(clear.status, 'succeeded', JSON.stringify(clear.error));
    assert.equal(clear.result.sync.outcome, 'applied');
    assert.equal(typeof clear.result.assetsRemoved, 'number');
    assert.deepEqual(shownEntryIds(await displayState(player)), shownBefore);
    assert.equal(player.status().fallback, false);

    // restart: acked first, then the hook
    const restart = await finished(technician, screenId, (await send(technician, screenId, 'restart-player')).commandId);
    assert.equal(restart.status, 'succeeded', JSON.stringify(restart.error));
    assert.ok(restart.result.restartInMs > 0);
    await waitFor('the restart hook to be called', () => restartRequested === 1);

    // each exactly once: one attempt, one result event per command
    const items = await history(technician, screenId);
    assert.deepEqual(items.map((c) => c.kind).sort(), ['clear-cache', 'identify', 'reload-display', 'restart-player', 'screenshot', 'sync-now']);
    assert.ok(items.every((c) => c.attempts === 1 && c.status === 'succeeded'));
    const audit = await (await h.as('auditor')).request('GET', '/api/v1/audit/events?limit=500');
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    const events = (audit.body.items as Array<{ action: string; details: any }>).filter((e) => e.action.startsWith('screen.command'));
    assert.equal(events.filter((e) => e.action === 'screen.command').length, 6);
    assert.equal(events.filter((e) => e.action === 'screen.command-result').length, 6);
    assert.ok(!JSON.stringify(events).includes('iVBORw0KGgo'), 'no PNG in the audit log');
    assert.ok((await history(await h.as('auditor'), screenId)).length === 6, 'auditors read the history');
  });

  it('queues commands for an offline screen, delivers them on reconnect, never delivers an expired one, and says when screenshots are unsupported', async (t) => {
    let skewMs = 0;
    const h = await startControllerHarness(tempDir(t), { now: () => Date.now() + skewMs });
    t.after(() => h.close());
    await importBlackList(h);
    const dir = tempDir(t);
    let player = await startCommandPlayer(h, dir);
    let open = true;
    t.after(async () => {
      if (open) await player.close();
    });
    const technician = await h.as('technician');
    const screenId = await adoptPlayer(player, technician, '乌海机场 T1');
    await player.close();
    open = false;
    await waitFor('the controller to see the screen disconnect', async () => {
      const screens = await technician.request('GET', '/api/v1/screens');
      return screens.body.items.find((s: { id: string; connected: boolean }) => s.id === screenId)?.connected === false;
    });

    const identify = await send(technician, screenId, 'identify');
    const shortLived = await send(technician, screenId, 'sync-now', 10);
    const screenshot = await send(technician, screenId, 'screenshot');
    assert.deepEqual([identify.status, shortLived.status, screenshot.status], ['queued', 'queued', 'queued']);
    // Eleven seconds pass on the controller's clock while the screen is away.
    skewMs = 11_000;
    const whileAway = await history(technician, screenId);
    assert.equal(whileAway.find((c) => c.id === shortLived.commandId)?.status, 'expired');

    player = await startCommandPlayer(h, dir);
    open = true;
    const delivered = await finished(technician, screenId, identify.commandId);
    assert.equal(delivered.status, 'succeeded', JSON.stringify(delivered.error));
    assert.equal(delivered.attempts, 1);
    const unsupported = await finished(technician, screenId, screenshot.commandId);
    assert.equal(unsupported.status, 'failed');
    assert.equal(unsupported.error?.code, 'screenshot-unsupported');
    assert.equal(unsupported.screenshotUrl, null);
    assert.equal((await technician.request('GET', `/api/v1/screens/${screenId}/screenshots/${screenshot.commandId}`)).status, 404);

    const expired = (await history(technician, screenId)).find((c) => c.id === shortLived.commandId);
    assert.equal(expired?.status, 'expired');
    assert.equal(expired?.attempts, 0, 'never sent');
    assert.equal(expired?.sentAt, null);
  });

  it('refuses bad requests: unknown kinds, expiries out of bounds, unknown screens, and screenshot uploads without the screen token', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const technician = await h.as('technician');
    const unknown = await technician.request('POST', '/api/v1/screens/none/commands', { kind: 'identify' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'screens.not-found');
    const badKind = await technician.request('POST', '/api/v1/screens/none/commands', { kind: 'format-disk' });
    assert.equal(badKind.status, 400);
    assert.equal(badKind.body.details.issues[0].path, 'body.kind');
    const badExpiry = await technician.request('POST', '/api/v1/screens/none/commands', { kind: 'identify', expiresInSeconds: 1 });
    assert.equal(badExpiry.status, 400);
    const upload = await fetch(`${h.url}/api/v1/player/commands/00000000-0000-4000-8000-000000000000/screenshot`, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: new Uint8Array(PNG_SIGNATURE.concat([0])) });
    assert.equal(upload.status, 401);
  });
});
