// One display page per resolution on one display server, each with its page clock stopped, so a scene renders the same pixels on every run.
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { DisplayServer } from '../../player/core/display-server.ts';
import type { DisplayState } from '../../shared/display/display-state.ts';
import { waitForSettledScene } from './display-fixtures.ts';

export interface Resolution {
  width: number;
  height: number;
}

export const resolutionName = ({ width, height }: Resolution): string => `${width}x${height}`;

/**
 * Fake time the clock advances after a scene comes in: past the Stage's 900 ms cross-fade, so the
 * outgoing scene unmounts, yet short of the header clock's next second when the state's nowMs is a
 * whole second, whether the clock's first tick comes before or after the advance.
 */
const SETTLE_MS = 950;

export interface FrozenScreens {
  page(resolution: Resolution): Page;
  /**
   * Serves the state to every page, waits until each shows the scene, settled and still, and
   * takes a PNG screenshot of each, by resolution name.
   */
  show(state: DisplayState, sceneKey: string): Promise<Map<string, Buffer>>;
}

/**
 * `setState` changes what `server` serves. Each page's clock (Date, timers, performance.now) is
 * faked from `clockStartMs` and stopped once the page is up: the core clock the header shows is
 * then the state's nowMs plus only the time this helper advances, and no page turns, item change
 * or scroll leg is due. Animations on the document timeline (the scroll, crawl lines) are held at
 * their start before each picture, where a first appearance waits anyway.
 */
export async function openFrozenScreens(
  browser: Browser,
  server: DisplayServer,
  setState: (state: DisplayState) => void,
  resolutions: readonly Resolution[],
  clockStartMs: number,
): Promise<{ screens: FrozenScreens; close(): Promise<void> }> {
  const opened = new Map<string, { page: Page; devtools: CDPSession }>();
  for (const resolution of resolutions) {
    const context = await browser.newContext({ viewport: resolution, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.clock.install({ time: clockStartMs });
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="display-root"]:not([data-mode="waiting"])');
    opened.set(resolutionName(resolution), { page, devtools: await context.newCDPSession(page) });
  }
  // Far enough ahead of every page's load that pausing never goes back in time.
  for (const { page } of opened.values()) await page.clock.pauseAt(clockStartMs + 60_000);

  const settle = async (page: Page, state: DisplayState, sceneKey: string): Promise<void> => {
    await page.waitForSelector(`[data-testid="display-root"][data-mode="${state.mode}"] [data-scene-state="current"][data-scene-key="${sceneKey}"]`);
    // React runs effects (which start the cross-fade's timer) in a task after the commit: let it.
    await page.evaluate(() => new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }));
    await page.clock.runFor(SETTLE_MS);
    // The scene's fade-in (800 ms of real time) ended now instead of waited for, as Playwright's
    // `animations: 'disabled'` ends finite animations: the picture is its last frame either way.
    await page.evaluate(() => {
      for (const animation of document.querySelector('[data-scene-state="current"]')?.getAnimations() ?? []) animation.finish();
    });
    await waitForSettledScene(page);
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('[data-scene-state="current"] img')).every((img) => img.complete));
    await page.evaluate(() => {
      // A scroll leg still in its first pause, or a crawl: held where it starts (Playwright's
      // `animations: 'disabled'` would instead finish the leg, and the list would move on).
      for (const animation of document.getAnimations()) {
        if (animation.playState === 'finished') continue;
        animation.pause();
        animation.currentTime = 0;
      }
    });
  };

  return {
    screens: {
      page(resolution) {
        const screen = opened.get(resolutionName(resolution));
        if (!screen) throw new Error(`no page at ${resolutionName(resolution)}`);
        return screen.page;
      },
      async show(state, sceneKey) {
        setState(state);
        server.notifyStateChanged();
        await Promise.all([...opened.values()].map(({ page }) => settle(page, state, sceneKey)));
        // Chromium's fast PNG encoder: a 4K picture in about half the time page.screenshot() takes.
        const shots = await Promise.all(
          [...opened].map(async ([name, { devtools }]) => {
            const shot = await devtools.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true });
            return [name, Buffer.from(shot.data, 'base64')] as const;
          }),
        );
        return new Map(shots);
      },
    },
    async close() {
      for (const { page } of opened.values()) await page.context().close();
    },
  };
}
