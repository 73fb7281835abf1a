// The kiosk renderer's watchdog: when it restarts a gone, hung or unloadable renderer, how fast, and how each restart is counted.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it, type TestContext } from 'node:test';
import {
  DEFAULT_RENDERER_WATCHDOG_TIMINGS,
  RENDERER_KEEPALIVE_INTERVAL_MS,
  reloadDelayMs,
  startRendererWatchdog,
  type RendererWatchdog,
} from '../../../player/core/health/renderer-watchdog.ts';
import { watchKioskRenderer } from '../../../player/electron/kiosk-hooks.ts';
import { createClock } from '../../../player/core/clock.ts';
import { createHealthReporter } from '../../../player/core/health/health-reporter.ts';
import { heartbeatSchema } from '../../../shared/protocol/messages.ts';

/** Invariant 4's "within seconds", made a number for the watchdog. */
const RESTART_BOUND_MS = 5_000;
const STEP_MS = 50;

interface Harness {
  watchdog: RendererWatchdog;
  calls: string[];
  restarts: string[];
  /** the fake clock, in ms since the watchdog started */
  now(): number;
  /** advances the clock and the mocked timers together, in small steps so the clock is right inside each timer */
  advance(ms: number, onStep?: (at: number) => void): void;
  /** the time of the first call of that name, or null */
  firstAt(name: string): number | null;
}

function harness(t: TestContext): Harness {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  let clock = 0;
  const calls: string[] = [];
  const at = new Map<string, number>();
  const note = (name: string) => {
    calls.push(name);
    if (!at.has(name)) at.set(name, clock);
  };
  const restarts: string[] = [];
  const watchdog = startRendererWatchdog({
    renderer: { reload: () => note('reload'), kill: () => note('kill') },
    onRestart: (reason) => restarts.push(reason),
    now: () => clock,
  });
  t.after(() => watchdog.stop());
  return {
    watchdog,
    calls,
    restarts,
    now: () => clock,
    advance(ms, onStep) {
      for (let done = 0; done < ms; done += STEP_MS) {
        clock += STEP_MS;
        t.mock.timers.tick(STEP_MS);
        onStep?.(clock);
      }
    },
    firstAt: (name) => at.get(name) ?? null,
  };
}

/** Keep-alives as the preload sends them, while `until` says the page runs. */
const keepAlives = (h: Harness, until: number) => (at: number) => {
  if (at <= until && at % RENDERER_KEEPALIVE_INTERVAL_MS === 0) h.watchdog.alive();
};

describe('renderer watchdog', () => {
  it('reloads a hung renderer within 5 s of its last keep-alive, killing it first, and counts it once as unresponsive', (t) => {
    const h = harness(t);
    const lastKeepAlive = 10_000;
    h.advance(lastKeepAlive, keepAlives(h, lastKeepAlive));
    assert.deepEqual(h.calls, [], 'a page that keeps sending is left alone');
    h.advance(RESTART_BOUND_MS);
    assert.deepEqual(h.calls, ['kill', 'reload']);
    assert.deepEqual(h.restarts, ['unresponsive']);
    const reloadedAfter = (h.firstAt('reload') ?? Infinity) - lastKeepAlive;
    assert.ok(reloadedAfter <= RESTART_BOUND_MS, `reloaded ${reloadedAfter} ms after the hang began`);
    // Killing raises 'gone' for the same renderer, even after its reload: part of this restart, not another one.
    h.watchdog.gone('killed');
    h.advance(1_000);
    assert.deepEqual(h.restarts, ['unresponsive']);
  });

  it('keeps its worst case for a running renderer under 5 s with the default timings', () => {
    const { silenceLimitMs, checkIntervalMs, reloadDelayMs: delay } = DEFAULT_RENDERER_WATCHDOG_TIMINGS;
    assert.ok(silenceLimitMs + checkIntervalMs + delay < RESTART_BOUND_MS);
    assert.ok(silenceLimitMs >= 2 * RENDERER_KEEPALIVE_INTERVAL_MS, 'one late keep-alive is not a hang');
  });

  it('reloads a crashed renderer after a second, without killing anything', (t) => {
    const h = harness(t);
    h.advance(2_000, keepAlives(h, 2_000));
    h.watchdog.gone('crashed');
    h.advance(950);
    assert.deepEqual(h.calls, []);
    h.advance(100);
    assert.deepEqual(h.calls, ['reload']);
    assert.deepEqual(h.restarts, ['renderer-gone:crashed']);
  });

  it('gives a fresh renderer its start grace, then watches it again', (t) => {
    const h = harness(t);
    h.watchdog.gone('oom');
    h.advance(1_000);
    assert.deepEqual(h.calls, ['reload']);
    // Slow to start, but within the grace: no second restart.
    h.advance(DEFAULT_RENDERER_WATCHDOG_TIMINGS.startGraceMs - 2_000);
    assert.deepEqual(h.restarts, ['renderer-gone:oom']);
    const from = h.now();
    h.advance(3_000, (at) => keepAlives(h, from + 3_000)(at));
    h.advance(RESTART_BOUND_MS);
    assert.deepEqual(h.restarts, ['renderer-gone:oom', 'unresponsive']);
  });

  it('restarts a renderer that never sends a keep-alive once its start grace is over', (t) => {
    const h = harness(t);
    h.advance(DEFAULT_RENDERER_WATCHDOG_TIMINGS.startGraceMs - STEP_MS);
    assert.deepEqual(h.restarts, []);
    h.advance(DEFAULT_RENDERER_WATCHDOG_TIMINGS.checkIntervalMs + STEP_MS);
    assert.deepEqual(h.restarts, ['unresponsive']);
  });

  it('ignores aborted loads (a reload replacing a load) and restarts on real load failures', (t) => {
    const h = harness(t);
    h.watchdog.loadFailed(-3, 'ERR_ABORTED');
    assert.deepEqual(h.restarts, []);
    h.watchdog.loadFailed(-102, 'ERR_CONNECTION_REFUSED');
    h.watchdog.loadFailed(-102, 'ERR_CONNECTION_REFUSED');
    assert.deepEqual(h.restarts, ['load-failed:-102 ERR_CONNECTION_REFUSED'], 'one restart at a time');
  });

  it("gives Electron's 'unresponsive' a grace to recover, then kills and reloads", (t) => {
    const h = harness(t);
    const beat = keepAlives(h, 60_000);
    h.watchdog.unresponsive();
    h.advance(1_000, beat);
    h.watchdog.responsive();
    h.advance(5_000, beat);
    assert.deepEqual(h.restarts, [], 'it recovered');
    h.watchdog.unresponsive();
    h.advance(DEFAULT_RENDERER_WATCHDOG_TIMINGS.unresponsiveGraceMs + 100, beat);
    assert.deepEqual(h.restarts, ['unresponsive']);
    assert.deepEqual(h.calls.slice(0, 1), ['kill']);
  });

  it('backs off a crash loop: the delay doubles past three restarts a minute, up to 30 s', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 10].map((n) => reloadDelayMs(n)), [1_000, 1_000, 1_000, 2_000, 4_000, 8_000, 30_000]);
  });

  it('does nothing once stopped (the window is closing)', (t) => {
    const h = harness(t);
    h.watchdog.stop();
    h.watchdog.gone('clean-exit');
    h.advance(DEFAULT_RENDERER_WATCHDOG_TIMINGS.startGraceMs + RESTART_BOUND_MS);
    assert.deepEqual([h.calls, h.restarts], [[], []]);
  });
});

class FakeContents extends EventEmitter {
  crashes = 0;
  forcefullyCrashRenderer(): void {
    this.crashes++;
    this.emit('render-process-gone', {}, { reason: 'killed' });
  }
}

class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  loads: string[] = [];
  isDestroyed(): boolean {
    return false;
  }
  async loadURL(url: string): Promise<void> {
    this.loads.push(url);
  }
}

describe('electron kiosk renderer hook', () => {
  it("maps the window's events onto the watchdog and reloads the display URL", (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    const win = new FakeWindow();
    const restarts: string[] = [];
    const watchdog = watchKioskRenderer(win, 'http://127.0.0.1:8081/?token=t', (reason) => restarts.push(reason));
    t.after(() => watchdog.stop());
    win.webContents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'http://x/', false);
    assert.deepEqual(restarts, [], 'a subframe failing is not the display failing');
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    t.mock.timers.tick(DEFAULT_RENDERER_WATCHDOG_TIMINGS.reloadDelayMs);
    assert.deepEqual(win.loads, ['http://127.0.0.1:8081/?token=t']);
    assert.deepEqual(restarts, ['renderer-gone:crashed']);
    win.emit('close');
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    assert.deepEqual(restarts, ['renderer-gone:crashed'], 'a closing window is not restarted');
  });
});

describe('renderer restarts in the heartbeat', () => {
  const machine = async () => ({ processRssBytes: 1, processUptimeSeconds: 1, systemUptimeSeconds: 1, memoryFreeBytes: 1, memoryTotalBytes: 2, diskFreeBytes: null, cpuCount: 1, cpuBusyFraction: null, loadAverage: null });
  const reporter = (rendererWatched: boolean, now: () => number) =>
    createHealthReporter({ dataDir: '/nonexistent', clock: createClock({ localNow: now }), appVersion: '1.0.0', current: () => ({ manifestVersion: 1, listRevision: 1, cacheBytes: 0, coreScene: null }), sampleMachine: machine, rendererWatched });

  it('counts restarts with the time and reason of the last, on the trusted clock, within the schema', async () => {
    let wall = 1_750_000_000_000;
    const health = reporter(true, () => wall);
    assert.deepEqual((await health.heartbeat()).rendererRestarts, { count: 0, lastAt: null, lastReason: null });
    health.recordRendererRestart('renderer-gone:crashed');
    wall += 60_000;
    health.recordRendererRestart(`load-failed:-102 ${'x'.repeat(400)}`);
    const beat = await health.heartbeat();
    assert.equal(beat.rendererRestarts?.count, 2);
    assert.equal(beat.rendererRestarts?.lastAt, wall);
    assert.equal(beat.rendererRestarts?.lastReason?.length, 200);
    assert.equal(heartbeatSchema.safeParse(beat).success, true);
  });

  it('says null while nobody watches the renderer', async () => {
    assert.equal((await reporter(false, () => 1_750_000_000_000).heartbeat()).rendererRestarts, null);
  });
});
