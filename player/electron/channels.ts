// IPC channel names and payload types shared by the kiosk's main process and its preload.

import type { PlayerStatus } from '../core/player.ts';

export const CHANNELS = {
  status: 'gongshi:status',
  screenshot: 'gongshi:screenshot',
  /** one-way, preload → main, every RENDERER_KEEPALIVE_INTERVAL_MS: the page's main thread still runs */
  alive: 'gongshi:alive',
} as const;

/** Every handler answers this way, so a renderer never sees a thrown main-process error. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export type KioskStatus = PlayerStatus & { rendererRestarts: number };

/** The one object the preload exposes to the display page, as window.gongshiKiosk. */
export interface KioskApi {
  status(): Promise<IpcResult<KioskStatus>>;
  /** a PNG data URL of what the screen shows */
  screenshot(): Promise<IpcResult<string>>;
}
