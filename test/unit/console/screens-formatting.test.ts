import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeResult, isDisruptive, COMMAND_ORDER } from '../../../controller/console/src/pages/screens/command-results.ts';
import { parseShowing } from '../../../controller/console/src/pages/screens/on-screen.ts';
import { formatBytes, formatDuration, formatPercent } from '../../../controller/console/src/pages/screens/units.ts';
import { COMMAND_KINDS } from '../../../shared/protocol/commands.ts';

describe('what a screen says it shows', () => {
  it('reads kind, item id and title from the heartbeat', () => {
    assert.deepEqual(parseShowing('list:black 失信黑名单'), { kind: 'list', itemId: 'black', title: '失信黑名单' });
    assert.deepEqual(parseShowing('slide:intro 诚信 乌海'), { kind: 'slide', itemId: 'intro', title: '诚信 乌海' });
    assert.deepEqual(parseShowing('fallback'), { kind: 'fallback', itemId: null, title: null });
  });
  it('is null when the screen did not know, and "unknown" for a kind this console has never heard of', () => {
    assert.equal(parseShowing(null), null);
    assert.deepEqual(parseShowing('hologram:x'), { kind: 'unknown', itemId: null, title: 'hologram:x' });
  });
});

describe('figures', () => {
  it('formats bytes in binary units', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(50 * 1024 ** 3), '50 GB');
    assert.equal(formatBytes(null), '—');
  });
  it('formats durations with their two largest units', () => {
    const units = { day: '天', hour: '小时', minute: '分钟' };
    assert.equal(formatDuration(93_784, units), '1 天 2 小时');
    assert.equal(formatDuration(3_900, units), '1 小时 5 分钟');
    assert.equal(formatDuration(59, units), '0 分钟');
  });
  it('formats fractions as whole percentages', () => {
    assert.equal(formatPercent(0.734), '73%');
    assert.equal(formatPercent(null), '—');
  });
});

describe('remote command results', () => {
  it('offers every command kind, and asks first for the disruptive ones only', () => {
    assert.deepEqual([...COMMAND_ORDER].sort(), [...COMMAND_KINDS].sort());
    assert.deepEqual(COMMAND_ORDER.filter(isDisruptive), ['reload-display', 'clear-cache', 'restart-player']);
  });
  it('summarizes each result kind', () => {
    assert.deepEqual(summarizeResult({ kind: 'screenshot', bytes: 2048, sha256: 'a'.repeat(64) }), { key: 'result.screenshot', values: { size: '2.0 KB' }, sync: null });
    assert.deepEqual(summarizeResult({ kind: 'sync-now', sync: { outcome: 'applied', manifestVersion: 7, listRevision: 3, message: null } }), { key: 'result.syncNow', values: { version: 7 }, sync: 'sync.applied' });
    assert.deepEqual(summarizeResult({ kind: 'restart-player', restartInMs: 1_500 })?.values, { seconds: 2 });
    assert.deepEqual(summarizeResult({ kind: 'clear-cache', assetsRemoved: 3, bytesBefore: 3 * 1024 ** 2, bytesAfter: 1024 ** 2, sync: { outcome: 'skipped', manifestVersion: 7, listRevision: 3, message: null } })?.values, { count: 3, freed: '2.0 MB', version: 7 });
  });
  it('has no summary for no result or a kind it does not know', () => {
    assert.equal(summarizeResult(null), null);
    assert.equal(summarizeResult({ kind: 'teleport' }), null);
  });
});
