// Before and while an emergency runs: how many screens a target reaches (and how many are connected),
// and one emergency read alone with each screen's ack, its connection, and who started and ended it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Player } from '../../player/core/player.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

interface EmergencyBody {
  id: string;
  active: boolean;
  startedByName: string | null;
  endedByName: string | null;
  screens: Array<{ screenId: string; name: string; status: string; connected: boolean; ackedAt: number | null }>;
  acked: number;
  pending: number;
}

describe('emergency reach and acks', () => {
  it('counts the screens a target reaches, then shows one emergency\'s acks per screen with their connections', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const players: Player[] = [];
    t.after(async () => {
      for (const player of players) await player.close();
    });
    const approver = await h.as('approver');
    assert.deepEqual((await approver.request('GET', '/api/v1/emergencies/reach')).body, { screens: 0, connected: 0 });

    const technician = await h.as('technician');
    const dirA = tempDir(t);
    players.push(await startTestPlayer(h.url, dirA));
    players.push(await startTestPlayer(h.url, tempDir(t)));
    const screenA = await adoptPlayer(players[0]!, technician, '乌海站一号屏');
    const screenB = await adoptPlayer(players[1]!, technician, '政务大厅一号屏');
    const group = await technician.request('POST', '/api/v1/screen-groups', { name: '乌海站' });
    await technician.request('PUT', `/api/v1/screen-groups/${group.body.id}/screens`, { screenIds: [screenA] });

    assert.deepEqual((await approver.request('GET', '/api/v1/emergencies/reach')).body, { screens: 2, connected: 2 });
    assert.deepEqual((await approver.request('GET', `/api/v1/emergencies/reach?groupIds=${group.body.id}`)).body, { screens: 1, connected: 1 });
    const unknown = await approver.request('GET', '/api/v1/emergencies/reach?groupIds=no-such-group');
    assert.deepEqual([unknown.status, unknown.body.code], [404, 'screen-groups.unknown']);
    assert.equal((await approver.request('GET', '/api/v1/emergencies/reach?groupIds=')).status, 400);

    // Screen B goes away before the notice: it stays pending and reads as not connected.
    await players[1]!.close();
    players.pop();
    await waitFor('screen B to be disconnected', async () => (await approver.request('GET', '/api/v1/emergencies/reach')).body.connected === 1);
    const started = await approver.request('POST', '/api/v1/emergencies', { kind: 'text', title: '暴雨红色预警', body: '请勿前往低洼地带。', target: 'all' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const id = started.body.id as string;
    const acked = await waitFor('screen A to ack', async () => {
      const one = await approver.request<EmergencyBody>('GET', `/api/v1/emergencies/${id}`);
      return one.body.acked === 1 ? one.body : null;
    });
    assert.equal(acked.startedByName, 'approver');
    assert.deepEqual(
      acked.screens.map((s) => [s.screenId, s.status, s.connected]).sort(),
      [[screenA, 'showing', true], [screenB, 'pending', false]].sort(),
    );
    assert.equal(acked.pending, 1);
    const listed = await approver.request<{ items: EmergencyBody[] }>('GET', '/api/v1/emergencies?active=true');
    assert.deepEqual(listed.body.items.map((e) => [e.id, e.startedByName, e.screens.find((s) => s.screenId === screenA)?.connected]), [[id, 'approver', true]]);

    const ended = await approver.request('POST', `/api/v1/emergencies/${id}/end`, {});
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    const after = await (await h.as('auditor')).request<EmergencyBody>('GET', `/api/v1/emergencies/${id}`);
    assert.deepEqual([after.body.active, after.body.endedByName, after.body.screens.map((s) => s.status)], [false, 'approver', ['ended', 'ended']]);
    assert.equal((await approver.request('GET', '/api/v1/emergencies/00000000-0000-4000-8000-000000000000')).status, 404);
  });
});
