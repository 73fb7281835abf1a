// The DevTools pipe client of the Chromium kiosk: NUL-framed JSON both ways, answers matched by id, a closed browser failing clearly.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { devToolsPipe, devToolsScreenshotProvider } from '../../../cli/commands/devtools-pipe.ts';

/** A fake browser end: reads the commands written to it and answers through `reply`. */
function fakeBrowser(answer: (command: { id: number; method: string; params: Record<string, unknown>; sessionId?: string }) => unknown) {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const seen: Array<{ method: string; sessionId?: string }> = [];
  let pending = '';
  toBrowser.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    let end: number;
    while ((end = pending.indexOf('\0')) !== -1) {
      const command = JSON.parse(pending.slice(0, end)) as { id: number; method: string; params: Record<string, unknown>; sessionId?: string };
      pending = pending.slice(end + 1);
      seen.push({ method: command.method, ...(command.sessionId ? { sessionId: command.sessionId } : {}) });
      const reply = answer(command);
      if (reply === undefined) continue;
      // An unrelated event first, and the answer split across two writes, as a pipe may deliver it.
      const text = `${JSON.stringify({ method: 'Target.targetInfoChanged', params: {} })}\0${JSON.stringify({ id: command.id, ...(reply as object) })}\0`;
      fromBrowser.write(text.slice(0, 7));
      setImmediate(() => fromBrowser.write(text.slice(7)));
    }
  });
  return { toBrowser, fromBrowser, seen };
}

describe('devtools pipe', () => {
  it('captures the page on the display origin through a flat session, and detaches', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]);
    const browser = fakeBrowser((command) => {
      switch (command.method) {
        case 'Target.getTargets':
          return {
            result: {
              targetInfos: [
                { targetId: 'evil', type: 'page', url: 'http://127.0.0.1:80811/' },
                { targetId: 'display', type: 'page', url: 'http://127.0.0.1:8081/?token=x' },
              ],
            },
          };
        case 'Target.attachToTarget':
          return command.params.targetId === 'display' ? { result: { sessionId: 's1' } } : { error: { message: 'wrong target' } };
        case 'Page.captureScreenshot':
          return command.sessionId === 's1' ? { result: { data: png.toString('base64') } } : { error: { message: 'no session' } };
        default:
          return { result: {} };
      }
    });
    const provider = devToolsScreenshotProvider(devToolsPipe(browser.toBrowser, browser.fromBrowser), 'http://127.0.0.1:8081');
    assert.deepEqual(Buffer.from(await provider.capture()), png);
    assert.deepEqual(browser.seen, [
      { method: 'Target.getTargets' },
      { method: 'Target.attachToTarget' },
      { method: 'Page.captureScreenshot', sessionId: 's1' },
      { method: 'Target.detachFromTarget' },
    ]);
  });

  it('fails with screenshot-no-window when no page shows the display, or the browser is gone', async () => {
    const browser = fakeBrowser(() => ({ result: { targetInfos: [{ targetId: 'blank', type: 'page', url: 'about:blank' }] } }));
    const pipe = devToolsPipe(browser.toBrowser, browser.fromBrowser);
    const provider = devToolsScreenshotProvider(pipe, 'http://127.0.0.1:8081');
    await assert.rejects(provider.capture(), { code: 'screenshot-no-window' });

    const silent = fakeBrowser(() => undefined);
    const dying = devToolsPipe(silent.toBrowser, silent.fromBrowser);
    const call = dying.call('Target.getTargets');
    silent.fromBrowser.destroy();
    await assert.rejects(call, { code: 'screenshot-no-window' });
    assert.equal(dying.closed(), true);
    await assert.rejects(dying.call('Target.getTargets'), { code: 'screenshot-no-window' });
  });

  it('reports a DevTools error with its message', async () => {
    const browser = fakeBrowser(() => ({ error: { code: -32000, message: 'Unable to capture screenshot' } }));
    await assert.rejects(devToolsPipe(browser.toBrowser, browser.fromBrowser).call('Page.captureScreenshot'), { code: 'screenshot-failed', message: /Unable to capture screenshot/ });
  });
});
