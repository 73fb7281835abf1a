// The player's command runner against a fake core: each kind, and the checks around them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { PNG_SIGNATURE, type SyncReport } from '../../../shared/protocol/commands.ts';
import { createCommandRunner, RESTART_DELAY_MS, type CommandHost } from '../../../player/core/commands/command-runner.ts';
import { syncReportOf, syncSucceeded } from '../../../player/core/commands/sync-report.ts';

const NOW = 1_750_000_000_000;
const APPLIED: SyncReport = { outcome: 'applied', manifestVersion: 3, listRevision: 9, message: null };
let serial = 0;
const command = (kind: string, overrides: Record<string, unknown> = {}) => ({ id: `0190f3a2-7b1c-7d2e-8f00-${String(++serial).padStart(12, '0')}`, kind, issuedAt: NOW, expiresAt: NOW + 600_000, ...overrides });

function fakeHost(overrides: Partial<CommandHost> = {}): CommandHost & { uploads: Array<{ id: string; bytes: number }>; calls: string[] } {
  const uploads: Array<{ id: string; bytes: number }> = [];
  const calls: string[] = [];
  return {
    uploads,
    calls,
    now: () => NOW,
    logger: pino({ level: 'silent' }),
    reloadDisplay: () => 1,
    restartHook: () => null,
    screenshotProvider: () => null,
    uploadScreenshot: async (id, png) => void uploads.push({ id, bytes: png.byteLength }),
    identify: (durationMs) => ({ screenName: '乌海站', until: NOW + durationMs }),
    clearCache: async () => {
      calls.push('clear');
      return { kind: 'clear-cache', assetsRemoved: 2, bytesBefore: 100, bytesAfter: 50, sync: APPLIED };
    },
    syncNow: async () => {
      calls.push('sync');
      return APPLIED;
    },
    ...overrides,
  };
}

describe('command runner', () => {
  it('identifies the screen for ten seconds', async () => {
    const outcome = await createCommandRunner(fakeHost()).run(command('identify'));
    assert.deepEqual(outcome, { ok: true, result: { kind: 'identify', screenName: '乌海站', until: NOW + 10_000 } });
  });

  it('reports a reload with no page to reload as a failure', async () => {
    assert.deepEqual(await createCommandRunner(fakeHost()).run(command('reload-display')), { ok: true, result: { kind: 'reload-display', displaysNotified: 1 } });
    const none = await createCommandRunner(fakeHost({ reloadDisplay: () => 0 })).run(command('reload-display'));
    assert.equal(none.ok === false && none.error.code, 'display-not-connected');
  });

  it('acks a restart first and calls the hook after the delay; without a hook it is unsupported', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let restarted = 0;
    const outcome = await createCommandRunner(fakeHost({ restartHook: () => () => restarted++ })).run(command('restart-player'));
    assert.deepEqual(outcome, { ok: true, result: { kind: 'restart-player', restartInMs: RESTART_DELAY_MS } });
    assert.equal(restarted, 0, 'not before the ack can leave');
    t.mock.timers.tick(RESTART_DELAY_MS);
    assert.equal(restarted, 1);
    const unsupported = await createCommandRunner(fakeHost()).run(command('restart-player'));
    assert.equal(unsupported.ok === false && unsupported.error.code, 'restart-unsupported');
  });

  it('uploads a screenshot and reports its size and hash; refuses non-PNG bytes; says when no provider exists', async () => {
    const png = new Uint8Array([...PNG_SIGNATURE, 1, 2, 3]);
    const host = fakeHost({ screenshotProvider: () => ({ capture: async () => png }) });
    const cmd = command('screenshot');
    const outcome = await createCommandRunner(host).run(cmd);
    assert.equal(outcome.ok && outcome.result.kind === 'screenshot' && outcome.result.bytes, png.byteLength);
    assert.deepEqual(host.uploads, [{ id: cmd.id, bytes: png.byteLength }]);
    const jpeg = await createCommandRunner(fakeHost({ screenshotProvider: () => ({ capture: async () => new Uint8Array([0xff, 0xd8, 0xff, 0, 0, 0, 0, 0, 0]) }) })).run(command('screenshot'));
    assert.equal(jpeg.ok === false && jpeg.error.code, 'screenshot-invalid');
    const none = await createCommandRunner(fakeHost()).run(command('screenshot'));
    assert.equal(none.ok === false && none.error.code, 'screenshot-unsupported');
  });

  it('reports sync outcomes: applied and deferred succeed, failed and skipped do not', async () => {
    const ok = await createCommandRunner(fakeHost()).run(command('sync-now'));
    assert.deepEqual(ok, { ok: true, result: { kind: 'sync-now', sync: APPLIED } });
    const failed = await createCommandRunner(fakeHost({ syncNow: async () => ({ ...APPLIED, outcome: 'failed', message: 'sync-failed: down' }) })).run(command('sync-now'));
    assert.deepEqual(failed, { ok: false, error: { code: 'sync-failed', message: 'sync-failed: down' } });
    assert.equal(syncSucceeded({ ...APPLIED, outcome: 'deferred' }), true);
    assert.equal(syncSucceeded({ ...APPLIED, outcome: 'skipped' }), false);
    assert.deepEqual(syncReportOf({ kind: 'skipped', reason: 'not connected' }, { manifestVersion: 2, listRevision: 5 }), { outcome: 'skipped', manifestVersion: 2, listRevision: 5, message: 'not connected' });
  });

  it('clears the cache and fails the command when the resync does not complete', async () => {
    const host = fakeHost();
    const outcome = await createCommandRunner(host).run(command('clear-cache'));
    assert.equal(outcome.ok && outcome.result.kind === 'clear-cache' && outcome.result.assetsRemoved, 2);
    const failing = fakeHost({ clearCache: async () => ({ kind: 'clear-cache', assetsRemoved: 0, bytesBefore: 1, bytesAfter: 1, sync: { ...APPLIED, outcome: 'skipped', message: 'not connected' } }) });
    const failed = await createCommandRunner(failing).run(command('clear-cache'));
    assert.equal(failed.ok === false && failed.error.code, 'sync-skipped');
  });

  it('runs a re-delivered command once and answers it with the same outcome', async () => {
    const host = fakeHost();
    const runner = createCommandRunner(host);
    const cmd = command('sync-now');
    const [first, second] = await Promise.all([runner.run(cmd), runner.run(cmd)]);
    assert.deepEqual(first, second);
    assert.deepEqual(host.calls, ['sync']);
  });

  it('refuses an expired command, an unknown kind and a malformed one', async () => {
    const runner = createCommandRunner(fakeHost());
    const expired = await runner.run(command('identify', { expiresAt: NOW - 120_000 }));
    assert.equal(expired.ok === false && expired.error.code, 'command-expired');
    const unknown = await runner.run(command('format-disk'));
    assert.equal(unknown.ok === false && unknown.error.code, 'command-unknown');
    const malformed = await runner.run({ id: 'x' });
    assert.equal(malformed.ok === false && malformed.error.code, 'command-invalid');
  });
});
