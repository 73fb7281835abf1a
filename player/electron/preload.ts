// Preload for the kiosk window: exposes one narrow, read-only object; no Node, no raw ipcRenderer.
// Bundle to CommonJS (preload.cjs) for sandboxed renderers, which cannot load ES modules.

import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type KioskApi } from './channels.ts';

const api: KioskApi = {
  status: () => ipcRenderer.invoke(CHANNELS.status),
  screenshot: () => ipcRenderer.invoke(CHANNELS.screenshot),
};

contextBridge.exposeInMainWorld('gongshiKiosk', api);
