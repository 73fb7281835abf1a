// Preload for the kiosk window: exposes one narrow, read-only object; no Node, no raw ipcRenderer.
// Bundle to CommonJS (preload.cjs) for sandboxed renderers, which cannot load ES modules.

import { contextBridge, ipcRenderer } from 'electron';
import { RENDERER_KEEPALIVE_INTERVAL_MS } from '../core/health/renderer-watchdog.ts';
import { CHANNELS, type KioskApi } from './channels.ts';

const api: KioskApi = {
  status: () => ipcRenderer.invoke(CHANNELS.status),
  screenshot: () => ipcRenderer.invoke(CHANNELS.screenshot),
};

contextBridge.exposeInMainWorld('gongshiKiosk', api);

// The watchdog's sign of life. A timer on the page's main thread: when a script there loops or
// blocks, the keep-alives stop and the main process restarts the renderer. Not exposed to the page.
setInterval(() => ipcRenderer.send(CHANNELS.alive), RENDERER_KEEPALIVE_INTERVAL_MS);
