// Kiosk renderer restarts in screen health: the shell's watchdog (with Electron's window faked, as its
// binary cannot run here) restarts a crashed and a hung renderer, a real player core counts them, and
// a real controller shows the count from the heartbeat.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import pino from 'pino';
import type { Heartbeat } from '../../shared/protocol/messages.ts';
import { startPlayer, type Player } from '../../player/core/player.ts';
import { watchKioskRenderer } from '../../player/electron/kiosk-hooks.ts';
import { startControllerHarness, type ApiClient } from '../support/controller-harness.ts';
import { adoptPlayer, requireBuiltDisplay } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const HEARTBEAT_INTERVAL_MS = 200;
// The watchdog's own timings shortened, as the test plays the window for it.
const TIMINGS = { silenceLimitMs: 300, checkIntervalMs: 50, reloadDelayMs: 100, startGraceMs: 400 };

class FakeContents extends EventEmitter {
  crashes = 0;
  forcefullyCrashRenderer(): void {
    this.crashes++;
    setImmediate(() => this.emit('render-process-gone', {}, { reason: 'killed' }));
  }
}

/** Electron's BrowserWindow as the hook sees it: events in, loadURL and forcefullyCrashRenderer out. */
class FakeKioskWindow extends EventEmitter {
  webContents = new FakeContents();
  loads: string[] = [];
  isDestroyed(): boolean {
    return false;
  }
  async loadURL(url: string): Promise<void> {
    this.loads.push(url);
  }
}

async function start(controllerUrl: string, dataDir: string, rendererWatchdog: boolean): Promise<Player> {
  return startPlayer({
    controllerUrl,
    dataDir,
    displayPort: 0,
    displayStaticDir: requireBuiltDisplay(),
    logger: pino({ level: process.env.GONGSHI_TEST_LOG ?? 'silent' }),
    heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
    rendererWatchdog,
  });
}

async function latestHealth(client: ApiClient, screenId: string): Promise<Heartbeat | null> {
  const response = await client.request<{ health: Heartbeat | null }>('GET', `/api/v1/screens/${screenId}/health`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.health;
}

describe('kiosk renderer restarts in screen health', () => {
  it('counts a crashed and a hung renderer, and the controller shows the count, time and last reason', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const player = await start(h.url, tempDir(t), true);
    t.after(() => player.close());
    const technician = await h.as('technician');
    const screenId = await adoptPlayer(player, technician, '乌海机场 T1');

    const before = await waitFor('a heartbeat from the watched player', () => latestHealth(technician, screenId));
    assert.deepEqual(before.rendererRestarts, { count: 0, lastAt: null, lastReason: null }, 'watched, and nothing restarted yet');

    const win = new FakeKioskWindow();
    const watchdog = watchKioskRenderer(win, player.displayUrl, (reason) => player.recordRendererRestart(reason), TIMINGS);
    t.after(() => watchdog.stop());
    const keepAlive = setInterval(() => watchdog.alive(), 50);
    t.after(() => clearInterval(keepAlive));

    // The renderer crashes: reloaded on the display URL, no kill needed.
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    await waitFor('the reload after the crash', () => win.loads.length === 1);
    assert.equal(win.loads[0], player.displayUrl);
    assert.equal(win.webContents.crashes, 0);

    // The page hangs: its keep-alives stop; the watchdog kills and reloads it.
    const hungAt = Date.now();
    clearInterval(keepAlive);
    await waitFor('the hung renderer to be killed and reloaded', () => win.webContents.crashes === 1 && win.loads.length === 2);

    const health = await waitFor('the controller to show both restarts', async () => {
      const beat = await latestHealth(technician, screenId);
      return beat?.rendererRestarts?.count === 2 ? beat : null;
    });
    assert.equal(health.rendererRestarts?.lastReason, 'unresponsive');
    const lastAt = health.rendererRestarts?.lastAt ?? 0;
    assert.ok(lastAt >= hungAt - 1_000 && lastAt <= Date.now(), `lastAt ${lastAt} is the hang's restart`);
    assert.deepEqual(player.rendererRestarts(), health.rendererRestarts);

    // The list of screens carries the same latest heartbeat.
    const screens = await technician.request('GET', '/api/v1/screens');
    assert.equal(screens.body.items.find((s: { id: string }) => s.id === screenId)?.health.rendererRestarts.count, 2);
  });

  it('reports null where no watchdog runs (a core without the Electron shell)', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const player = await start(h.url, tempDir(t), false);
    t.after(() => player.close());
    const technician = await h.as('technician');
    const screenId = await adoptPlayer(player, technician, '政务大厅屏');
    const beat = await waitFor('a heartbeat', () => latestHealth(technician, screenId));
    assert.equal(beat.rendererRestarts, null);
  });
});
