// What the kiosk shell lends the player core for remote commands: screenshots of its window, and relaunching itself.

import type { ScreenshotProvider } from '../core/commands/screenshot-provider.ts';

// The slices of Electron's BrowserWindow and App these need, structurally: Electron's BrowserWindow
// and app satisfy them, and unit tests run and type-check without the Electron package.
export interface CapturableWindow {
  isDestroyed(): boolean;
  webContents: { capturePage(): Promise<{ toPNG(): Uint8Array }> };
}
export interface RelaunchableApp {
  relaunch(): void;
  quit(): void;
}

/** Captures the kiosk window as PNG; fails clearly when the window is gone (it is being restarted). */
export function windowScreenshotProvider(getWindow: () => CapturableWindow | null): ScreenshotProvider {
  return {
    async capture() {
      const win = getWindow();
      if (!win || win.isDestroyed()) throw Object.assign(new Error('no kiosk window to capture'), { code: 'screenshot-no-window' });
      return (await win.webContents.capturePage()).toPNG();
    },
  };
}

/**
 * A remote restart relaunches the whole app (new main process, new core, new window): the fix a
 * technician wants for a leak or a wedged GPU process. 'before-quit' closes the core cleanly first.
 */
export function relaunchApp(app: RelaunchableApp): () => void {
  return () => {
    app.relaunch();
    app.quit();
  };
}
