// Decides when the kiosk shell restarts its renderer: when it is gone, when its keep-alives stop (a
// hung page), when Electron calls it unresponsive, or when the display failed to load. Plain timers,
// no Electron: the shell says what reloading and killing mean for its window (player/electron).

/** How often the kiosk page's preload says it is alive (player/electron/preload.ts). */
export const RENDERER_KEEPALIVE_INTERVAL_MS = 1_000;

export interface RendererWatchdogTimings {
  /**
   * Keep-alives missing this long mean the page's main thread is stuck: two missed beats plus slack
   * for a long frame (a big layout, a GC pause). Chromium's own hang monitor cannot stand in: it
   * only fires when input goes unanswered, and nobody touches a public screen.
   */
  silenceLimitMs: number;
  /** how often the silence is checked */
  checkIntervalMs: number;
  /** restart → reload; long enough for a killed process to be reaped, short enough for invariant 4 */
  reloadDelayMs: number;
  /** Electron's 'unresponsive' gets this long to turn 'responsive' before the renderer is killed */
  unresponsiveGraceMs: number;
  /** a fresh renderer (process start, preload) has this long to send its first keep-alive */
  startGraceMs: number;
  /** more restarts than `crashLoopAllowance` within this window double the reload delay each time */
  crashLoopWindowMs: number;
  crashLoopAllowance: number;
  /** the longest reload delay a crash loop reaches */
  maxReloadDelayMs: number;
}

/**
 * Invariant 4 wants a dead or frozen screen back "within seconds". Worst case for a running renderer
 * that hangs right after a keep-alive: silenceLimitMs + checkIntervalMs + reloadDelayMs = 3.75 s
 * until the reload (a unit test holds this under 5 s); a crash is reloaded after reloadDelayMs.
 */
export const DEFAULT_RENDERER_WATCHDOG_TIMINGS: RendererWatchdogTimings = {
  silenceLimitMs: 2_500,
  checkIntervalMs: 250,
  reloadDelayMs: 1_000,
  unresponsiveGraceMs: 2_000,
  startGraceMs: 8_000,
  // A page that dies as soon as it loads (a GPU fault, a bad build) must not spin the CPU: after
  // three restarts in a minute the delay doubles, up to half a minute.
  crashLoopWindowMs: 60_000,
  crashLoopAllowance: 3,
  maxReloadDelayMs: 30_000,
};

/** What the watchdog may do to the renderer; the Electron shell maps these onto its window. */
export interface WatchedRenderer {
  /** loads the display again (in a new renderer process when the old one is gone) */
  reload(): void;
  /** ends a hung renderer's process, so the reload starts a fresh one */
  kill(): void;
}

export interface RendererWatchdogOptions {
  renderer: WatchedRenderer;
  /** every restart, once, with its reason: the player core counts it for heartbeats */
  onRestart(reason: string): void;
  /** a clock that never jumps (default performance.now) */
  now?: () => number;
  timings?: Partial<RendererWatchdogTimings>;
}

export interface RendererWatchdog {
  /** a keep-alive from the page */
  alive(): void;
  /** the renderer process ended (Electron's render-process-gone reason: crashed, oom, killed, ...) */
  gone(reason: string): void;
  /** the main frame failed to load (Chromium's net error code and its description) */
  loadFailed(errorCode: number, description: string): void;
  /** Electron's 'unresponsive' and 'responsive' window events */
  unresponsive(): void;
  responsive(): void;
  /** the window is closing: no more restarts */
  stop(): void;
}

/** Chromium's ERR_ABORTED: a navigation replaced by another (our own reload among them), not a failure. */
const NET_ERR_ABORTED = -3;
const REASON_MAX = 200;

/** The reload delay after `recentRestarts` restarts inside the crash-loop window (this one included). Pure. */
export function reloadDelayMs(recentRestarts: number, timings: RendererWatchdogTimings = DEFAULT_RENDERER_WATCHDOG_TIMINGS): number {
  const excess = recentRestarts - timings.crashLoopAllowance;
  if (excess <= 0) return timings.reloadDelayMs;
  return Math.min(timings.maxReloadDelayMs, timings.reloadDelayMs * 2 ** excess);
}

export function startRendererWatchdog(options: RendererWatchdogOptions): RendererWatchdog {
  const timings: RendererWatchdogTimings = { ...DEFAULT_RENDERER_WATCHDOG_TIMINGS, ...options.timings };
  const now = options.now ?? (() => performance.now());
  let lastAliveAt = now();
  let graceUntil = lastAliveAt + timings.startGraceMs;
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  let unresponsiveTimer: ReturnType<typeof setTimeout> | null = null;
  let restartTimes: number[] = [];
  // Killing a hung renderer raises 'gone' ('killed') for it, maybe after its reload was sent.
  let killedNotYetGone = false;
  let stopped = false;

  function restart(reason: string, kill: boolean): void {
    // One restart at a time: killing a hung renderer raises 'gone', and a reload aborts a load.
    if (stopped || reloadTimer) return;
    const at = now();
    restartTimes = [...restartTimes.filter((t) => at - t < timings.crashLoopWindowMs), at];
    if (unresponsiveTimer) clearTimeout(unresponsiveTimer);
    unresponsiveTimer = null;
    try {
      options.onRestart(reason.slice(0, REASON_MAX));
    } catch {
      // Counting a restart must never stop it.
    }
    if (kill) {
      killedNotYetGone = true;
      options.renderer.kill();
    }
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      if (stopped) return;
      lastAliveAt = now();
      graceUntil = lastAliveAt + timings.startGraceMs;
      options.renderer.reload();
    }, reloadDelayMs(restartTimes.length, timings));
  }

  const silenceCheck = setInterval(() => {
    const at = now();
    if (reloadTimer || at < graceUntil || at - lastAliveAt <= timings.silenceLimitMs) return;
    restart('unresponsive', true);
  }, timings.checkIntervalMs);
  silenceCheck.unref?.();

  return {
    alive() {
      lastAliveAt = now();
      // The fresh renderer is up: from here on, silence counts at once.
      graceUntil = lastAliveAt;
      killedNotYetGone = false;
    },
    gone(reason) {
      if (killedNotYetGone) {
        // The renderer this watchdog killed: its restart is already counted and under way.
        killedNotYetGone = false;
        return;
      }
      restart(`renderer-gone:${reason}`, false);
    },
    loadFailed(errorCode, description) {
      if (errorCode === NET_ERR_ABORTED) return;
      restart(`load-failed:${errorCode} ${description}`, false);
    },
    unresponsive() {
      if (stopped || reloadTimer) return;
      unresponsiveTimer ??= setTimeout(() => {
        unresponsiveTimer = null;
        restart('unresponsive', true);
      }, timings.unresponsiveGraceMs);
    },
    responsive() {
      if (unresponsiveTimer) clearTimeout(unresponsiveTimer);
      unresponsiveTimer = null;
    },
    stop() {
      stopped = true;
      clearInterval(silenceCheck);
      if (reloadTimer) clearTimeout(reloadTimer);
      if (unresponsiveTimer) clearTimeout(unresponsiveTimer);
      reloadTimer = null;
      unresponsiveTimer = null;
    },
  };
}
