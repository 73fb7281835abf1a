// The kiosk shell's hooks for remote commands, with Electron's window and app mocked (the binary is not installed here).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relaunchApp, windowScreenshotProvider, type CapturableWindow } from '../../../player/electron/kiosk-hooks.ts';

describe('electron kiosk hooks', () => {
  it('captures the kiosk window as PNG bytes', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
    const win = { isDestroyed: () => false, webContents: { capturePage: async () => ({ toPNG: () => png }) } } as unknown as CapturableWindow;
    assert.deepEqual(await windowScreenshotProvider(() => win).capture(), png);
  });

  it('fails with a code when the window is gone', async () => {
    const gone = { isDestroyed: () => true } as unknown as CapturableWindow;
    await assert.rejects(windowScreenshotProvider(() => gone).capture(), { code: 'screenshot-no-window' });
    await assert.rejects(windowScreenshotProvider(() => null).capture(), { code: 'screenshot-no-window' });
  });

  it('relaunches, then quits (which closes the core first)', () => {
    const calls: string[] = [];
    relaunchApp({ relaunch: () => void calls.push('relaunch'), quit: () => void calls.push('quit') })();
    assert.deepEqual(calls, ['relaunch', 'quit']);
  });
});
