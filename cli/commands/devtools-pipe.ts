// A minimal Chrome DevTools Protocol client over Chromium's --remote-debugging-pipe, and the kiosk
// screenshot it takes: file descriptor 3 carries commands in, 4 carries answers and events out, each
// message one JSON text ended by a NUL byte.

import type { Readable, Writable } from 'node:stream';
import type { ScreenshotProvider } from '../../player/core/commands/screenshot-provider.ts';
import { CommandFailure } from '../../player/core/commands/screenshot-upload.ts';

/** Each DevTools call on loopback pipes answers in milliseconds; a full-HD PNG encode well under a second. */
const CALL_TIMEOUT_MS = 15_000;
/** A guard against a runaway peer: the largest full-screen PNG in base64 is far below this. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface DevToolsPipe {
  /** sends one command (to a target's session when `sessionId` is given) and resolves with its result */
  call<T>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  /** true once the browser's end closed (it exited or crashed) */
  closed(): boolean;
}

const gone = (why: string) => new CommandFailure('screenshot-no-window', `the kiosk browser is gone: ${why}`);

export function devToolsPipe(toBrowser: Writable, fromBrowser: Readable): DevToolsPipe {
  let nextId = 1;
  let isClosed = false;
  const pending = new Map<number, Pending>();
  let buffered: Buffer[] = [];
  let bufferedBytes = 0;

  const closeAll = (why: string): void => {
    if (isClosed) return;
    isClosed = true;
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(gone(why));
    }
    pending.clear();
  };

  const dispatch = (text: string): void => {
    let message: { id?: unknown; result?: unknown; error?: { message?: unknown } };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    // Events (no id) are not asked for and not needed.
    if (typeof message.id !== 'number') return;
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.error) call.reject(new CommandFailure('screenshot-failed', `DevTools: ${String(message.error.message ?? 'error')}`));
    else call.resolve(message.result);
  };

  fromBrowser.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      buffered.push(chunk.subarray(start, end));
      dispatch(Buffer.concat(buffered).toString('utf8'));
      buffered = [];
      bufferedBytes = 0;
      start = end + 1;
    }
    if (start < chunk.length) {
      buffered.push(chunk.subarray(start));
      bufferedBytes += chunk.length - start;
      if (bufferedBytes > MAX_MESSAGE_BYTES) {
        closeAll('a DevTools message over the size limit');
        fromBrowser.destroy();
      }
    }
  });
  fromBrowser.on('close', () => closeAll('its DevTools pipe closed'));
  fromBrowser.on('error', (error) => closeAll(error.message));
  toBrowser.on('error', (error) => closeAll(error.message));

  return {
    call<T>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
      if (isClosed) return Promise.reject(gone('its DevTools pipe closed'));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new CommandFailure('screenshot-timeout', `DevTools ${method} did not answer in ${CALL_TIMEOUT_MS} ms`));
        }, CALL_TIMEOUT_MS);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    closed: () => isClosed,
  };
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Whether a URL is on exactly this origin (a prefix test would also match 'http://127.0.0.1:80811'). */
function onOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Captures the kiosk tab that shows the display (the page on the display's origin) as PNG, through
 * Page.captureScreenshot: what the page renders, at the window's size.
 */
export function devToolsScreenshotProvider(pipe: DevToolsPipe, displayOrigin: string): ScreenshotProvider {
  return {
    async capture() {
      const { targetInfos } = await pipe.call<{ targetInfos: TargetInfo[] }>('Target.getTargets');
      const page = targetInfos.find((target) => target.type === 'page' && onOrigin(target.url, displayOrigin));
      if (!page) throw new CommandFailure('screenshot-no-window', 'the kiosk browser shows no display page');
      const { sessionId } = await pipe.call<{ sessionId: string }>('Target.attachToTarget', { targetId: page.targetId, flatten: true });
      try {
        const { data } = await pipe.call<{ data: string }>('Page.captureScreenshot', { format: 'png' }, sessionId);
        return Buffer.from(data, 'base64');
      } finally {
        await pipe.call('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      }
    },
  };
}
