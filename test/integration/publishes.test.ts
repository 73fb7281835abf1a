// Publish convergence end to end: a real controller and real player cores over loopback; screens reach each publish, one that goes silent is counted behind as offline, a revoked one is not counted.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { importAndApprove, startControllerHarness, type ApiClient } from '../support/controller-harness.ts';
import { adoptPlayer, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

interface PublishItem {
  version: number;
  createdAt: number;
  listRevision: number;
  reached: number;
  total: number;
  behindByReason: Record<'error' | 'offline' | 'never-connected' | 'updating', number>;
}

interface BehindAnswer extends PublishItem {
  items: Array<{ screenId: string; name: string; manifestVersion: number; lastSeenAt: number | null; reason: { kind: string; since?: number } }>;
  truncated: boolean;
}

const csv = (list: 'red' | 'black', seed: number) => toCsv(demoListRows(list, calendarDateAt(Date.now(), 480), 3, seed));

async function publishes(client: ApiClient): Promise<{ currentVersion: number | null; items: PublishItem[] }> {
  const response = await client.request('GET', '/api/v1/publishes');
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body;
}

describe('publish convergence', () => {
  it('counts the screens on each version, and names the ones behind with why', async (t) => {
    const h = await startControllerHarness(tempDir(t), { screenHealth: { offlineAfterMs: 1_500, checkIntervalMs: 100 } });
    t.after(() => h.close());
    const technician = await h.as('technician');
    const empty = await publishes(technician);
    assert.ok(empty.items.every((item) => item.total === 0 && item.reached === 0), 'no screens, nothing reached');

    await importAndApprove(h, 'black', csv('black', 3));
    const hall = await startTestPlayer(h.url, tempDir(t), { heartbeatIntervalMs: 300 });
    t.after(() => hall.close());
    const station = await startTestPlayer(h.url, tempDir(t), { heartbeatIntervalMs: 300 });
    let stationClosed = false;
    t.after(async () => {
      if (!stationClosed) await station.close();
    });
    const spare = await startTestPlayer(h.url, tempDir(t), { heartbeatIntervalMs: 300 });
    t.after(() => spare.close());
    const hallId = await adoptPlayer(hall, technician, '政务服务大厅');
    const stationId = await adoptPlayer(station, technician, '乌海站大屏');
    const spareId = await adoptPlayer(spare, technician, '备用屏');
    const first = (await publishes(technician)).currentVersion ?? 0;
    await waitFor('every screen to apply the first publish', async () => {
      const item = (await publishes(technician)).items[0];
      return item?.version === first && item.reached === 3 && item.total === 3;
    });
    assert.equal((await technician.request('POST', `/api/v1/screens/${spareId}/revoke`)).status, 200);

    // The station goes silent; the next publish reaches the hall only.
    await station.close();
    stationClosed = true;
    await waitFor('the station to be marked offline', async () => ((await technician.request('GET', '/api/v1/screens')).body.items as Array<{ id: string; status: string }>).find((s) => s.id === stationId)?.status === 'offline', { timeoutMs: 15_000 });
    await importAndApprove(h, 'red', csv('red', 5));
    const second = (await publishes(technician)).currentVersion ?? 0;
    assert.ok(second > first);
    await waitFor('the hall to apply the second publish', async () => (await publishes(technician)).items[0]?.reached === 1);

    const { items } = await publishes(technician);
    const latest = items.find((item) => item.version === second);
    assert.deepEqual({ reached: latest?.reached, total: latest?.total, behind: latest?.behindByReason }, { reached: 1, total: 2, behind: { error: 0, offline: 1, 'never-connected': 0, updating: 0 } }, 'the revoked screen is not counted');
    assert.equal(items.find((item) => item.version === first)?.reached, 2, 'both active screens passed the first publish');
    assert.deepEqual(items.map((item) => item.version), [...items.map((item) => item.version)].sort((a, b) => b - a), 'newest first');

    const behind = await technician.request<BehindAnswer>('GET', `/api/v1/publishes/${second}/behind`);
    assert.equal(behind.status, 200, JSON.stringify(behind.body));
    assert.deepEqual(behind.body.items.map((s) => [s.screenId, s.name, s.manifestVersion, s.reason.kind]), [[stationId, '乌海站大屏', first, 'offline']]);
    assert.ok(typeof behind.body.items[0]?.reason.since === 'number' && behind.body.items[0].reason.since === behind.body.items[0].lastSeenAt, 'offline since it was last seen');
    assert.equal(behind.body.truncated, false);
    assert.ok(!behind.body.items.some((s) => s.screenId === hallId));

    const operator = await h.as('operator');
    assert.equal((await operator.request('GET', `/api/v1/publishes/${second}/behind?limit=1`)).status, 200, 'operators read convergence');
    const unknown = await technician.request('GET', `/api/v1/publishes/${second + 100}/behind`);
    assert.deepEqual([unknown.status, unknown.body.code], [404, 'publishes.not-found']);
    const bad = await technician.request('GET', '/api/v1/publishes/x/behind');
    assert.deepEqual([bad.status, bad.body.code], [400, 'validation.failed']);
  });
});
