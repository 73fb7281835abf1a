import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { importAndApprove, startControllerHarness } from '../support/controller-harness.ts';
import { adoptPlayer, displayState, shownEntryIds, startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';
import { io as connectScreen, type Socket as ClientSocket } from 'socket.io-client';
import { PLAYER_NAMESPACE, PROTOCOL_VERSION } from '../../shared/protocol/version.ts';
import { listChangesPageSchema, type ManifestAvailable } from '../../shared/protocol/messages.ts';
import { signedManifestSchema } from '../../shared/protocol/manifest.ts';
import { verifySigned } from '../../shared/signing/manifest-signing.ts';
import { MAX_PUSHED_CHANGES } from '../../controller/server/features/screens/sync-answers.ts';

const today = calendarDateAt(Date.now(), 480);


/** Every byte the player keeps on disk: the SQLite file, its WAL, and cached assets. */
function playerDiskBytes(dir: string): string {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return walk(dir).map((f) => readFileSync(f).toString('latin1')).join('\n');
}

describe('sync between a controller and two player cores', () => {
  it('delivers approved entries masked to both players, pushes withdrawals, and survives the controller going away', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    let controllerClosed = false;
    t.after(async () => {
      if (!controllerClosed) await h.close();
    });
    const blackRows = demoListRows('black', today, 9, 99);
    await importAndApprove(h, 'black', toCsv(blackRows));

    const dirs = [tempDir(t), tempDir(t)];
    const players = [await startTestPlayer(h.url, dirs[0]!), await startTestPlayer(h.url, dirs[1]!)];
    t.after(async () => {
      for (const p of players) await p.close();
    });
    const technician = await h.as('technician');
    await adoptPlayer(players[0]!, technician, '一号屏');
    await adoptPlayer(players[1]!, technician, '二号屏');

    const health = (await technician.request('GET', '/api/v1/health')).body as { listRevision: number; manifestVersion: number };
    for (const player of players) {
      await waitFor('player to apply the newest manifest', () => player.status().manifestVersion === health.manifestVersion && player.status().listRevision === health.listRevision);
      const state = await displayState(player);
      assert.equal(state.mode, 'playing');
      assert.equal(shownEntryIds(state).length, 9);
    }

    // Invariant 2: the player's disk never holds a natural person's unmasked ID number.
    const rawIds = blackRows.map((r) => r.证件号码).filter((id) => id !== '');
    assert.ok(rawIds.length >= 3);
    for (const dir of dirs) {
      const bytes = playerDiskBytes(dir);
      for (const id of rawIds) {
        assert.equal(bytes.includes(id), false, `unmasked ID ${id.slice(0, 6)}… found in ${dir}`);
        assert.ok(bytes.includes(`${id.slice(0, 6)}********${id.slice(14)}`), 'masked ID present');
      }
    }

    // The screens' sync:applied reports are recorded in the controller's next batch, a moment after they switched.
    const fleet = await waitFor('the controller to record both screens as converged', async () => {
      const body = (await technician.request('GET', '/api/v1/screens')).body as { items: unknown[]; convergence: { converged: number } };
      return body.convergence.converged === 2 ? body : null;
    });
    const screens = fleet.items as Array<{ name: string; manifestVersion: number; connected: boolean }>;
    assert.equal(screens.length, 2);
    assert.deepEqual(fleet.convergence, { manifestVersion: health.manifestVersion, converged: 2, total: 2 });
    assert.ok(screens.every((s) => s.connected && s.manifestVersion === health.manifestVersion));

    // A withdrawal reaches both screens within 3 s.
    const operator = await h.as('operator');
    const target = (await operator.request('GET', '/api/v1/entries?list=black&status=approved&limit=1')).body.items[0] as { id: string };
    const withdrawnAt = Date.now();
    const withdraw = await operator.request('POST', `/api/v1/entries/${target.id}/withdraw`, { reason: '信用修复', note: '已履行' });
    assert.equal(withdraw.status, 200, JSON.stringify(withdraw.body));
    for (const player of players) {
      await waitFor('the withdrawn entry to leave the display', async () => !shownEntryIds(await displayState(player)).includes(target.id), { timeoutMs: 3_000 });
    }
    assert.ok(Date.now() - withdrawnAt < 3_000);

    // With the controller gone, both players keep showing their cached lists.
    await h.close();
    controllerClosed = true;
    await waitFor('players to notice the controller is gone', () => players.every((p) => !p.status().connected));
    for (const player of players) {
      const state = await displayState(player);
      assert.equal(state.mode, 'playing');
      assert.equal(shownEntryIds(state).length, 8);
    }
  });

  it('sends one changed entry as a delta, not the whole list', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    await importAndApprove(h, 'red', toCsv(demoListRows('red', today, 40, 3)));
    const { listChangesPage } = await import('../../controller/server/features/publishing/store.ts');
    const { db } = h.controller.context;
    const before = (await db.selectFrom('publicationState').selectAll().executeTakeFirstOrThrow()).revision;
    const operator = await h.as('operator');
    const target = (await operator.request('GET', '/api/v1/entries?list=red&status=approved&limit=1')).body.items[0] as { id: string };
    await operator.request('POST', `/api/v1/entries/${target.id}/withdraw`, { reason: 'error' });
    const page = await listChangesPage(db, before, null, 2000);
    assert.deepEqual(page.tombstones, [target.id]);
    assert.equal(page.upserts.length, 0);
    assert.equal(page.revision, before + 1);
    const full = await listChangesPage(db, 0, null, 2000);
    assert.equal(full.upserts.length, 39);
  });
});

describe('announcing a publish', () => {
  it('pushes a small publish with its changes and signed manifest, withdrawals included, so a screen one revision behind asks nothing', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    await importAndApprove(h, 'red', toCsv(demoListRows('red', today, 40, 3)));
    const { db } = h.controller.context;
    const { createScreen, recordApplied } = await import('../../controller/server/features/screens/service.ts');
    const { token, screenId } = await createScreen(db, { name: '火车站大屏', deviceId: 'device-push-01', actorId: h.userIds.technician, now: Date.now() });
    const announcements: ManifestAvailable[] = [];
    const socket: ClientSocket = connectScreen(`${h.url}${PLAYER_NAMESPACE}`, { auth: { protocol: PROTOCOL_VERSION, screenId, token }, transports: ['websocket'], reconnection: false });
    t.after(() => socket.close());
    socket.on('manifest:available', (payload: ManifestAvailable) => announcements.push(payload));
    let separateTakedowns = 0;
    socket.on('entries:takedown', () => separateTakedowns++);
    await waitFor('the greeting', () => announcements.length === 1);
    // A new screen (revision 0) of a 40-entry list is pushed the whole list with its greeting.
    const greetingPush = announcements[0]?.push;
    assert.ok(greetingPush);
    assert.equal(greetingPush.sinceRevision, 0);
    assert.equal(listChangesPageSchema.parse(greetingPush.changes).upserts.length, 40);
    const before = announcements[0]!.listRevision;
    assert.equal(signedManifestSchema.parse(greetingPush.manifest).payload.lists.revision, before);

    const operator = await h.as('operator');
    const target = (await operator.request('GET', '/api/v1/entries?list=red&status=approved&limit=1')).body.items[0] as { id: string };
    await operator.request('POST', `/api/v1/entries/${target.id}/withdraw`, { reason: 'error' });
    await waitFor('the announcement of the withdrawal', () => announcements.length === 2);
    const { version, listRevision, push } = announcements[1]!;
    assert.ok(push);
    assert.equal(push.sinceRevision, before);
    const changes = listChangesPageSchema.parse(push.changes);
    assert.deepEqual(changes.tombstones, [target.id]);
    assert.equal(separateTakedowns, 0, 'the push carries the withdrawal; no separate takedown goes out');
    assert.deepEqual({ upserts: changes.upserts.length, revision: changes.revision, cursor: changes.cursor }, { upserts: 0, revision: listRevision, cursor: null });
    const manifest = signedManifestSchema.parse(push.manifest);
    assert.equal(manifest.payload.version, version);
    assert.equal(verifySigned(manifest, h.controller.publicKey), true);
    assert.deepEqual(manifest, await h.controller.context.publisher.latestManifest(), 'the manifest a screen would have fetched');

    const ack = await socket.timeout(5_000).emitWithAck('sync:applied', { manifestVersion: version, listRevision });
    assert.deepEqual(ack, { ok: true, value: null });
    const screens = (await (await h.as('technician')).request('GET', '/api/v1/screens')).body.items as Array<{ id: string; manifestVersion: number; listRevision: number }>;
    assert.deepEqual(screens.filter((s) => s.id === screenId).map((s) => [s.manifestVersion, s.listRevision]), [[version, listRevision]]);

    // A publish too large to push is announced alone; the screen pulls it page by page as before.
    await importAndApprove(h, 'red', toCsv(demoListRows('red', today, MAX_PUSHED_CHANGES + 1, 4)));
    await waitFor('the announcement of the large publish', () => announcements.length === 3);
    assert.equal(announcements[2]?.push, undefined);
    socket.close();

    // Reconnecting: a screen behind by more than a push is greeted without one, and so is a screen
    // that holds the published version; a screen behind by a few changes gets them in its greeting.
    const greet = async (): Promise<ManifestAvailable> => {
      const again: ClientSocket = connectScreen(`${h.url}${PLAYER_NAMESPACE}`, { auth: { protocol: PROTOCOL_VERSION, screenId, token }, transports: ['websocket'], reconnection: false });
      t.after(() => again.close());
      const greeting = await new Promise<ManifestAvailable>((resolve) => again.once('manifest:available', resolve));
      again.close();
      return greeting;
    };
    const behindByMany = await greet();
    assert.equal(behindByMany.push, undefined);
    await recordApplied(db, screenId, behindByMany.version, behindByMany.listRevision, Date.now());
    const upToDate = await greet();
    assert.deepEqual(upToDate, { version: behindByMany.version, listRevision: behindByMany.listRevision });
    const second = (await operator.request('GET', '/api/v1/entries?list=red&status=approved&limit=1')).body.items[0] as { id: string };
    await operator.request('POST', `/api/v1/entries/${second.id}/withdraw`, { reason: 'error' });
    const behindByOne = await greet();
    assert.equal(behindByOne.push?.sinceRevision, behindByMany.listRevision);
    assert.deepEqual(listChangesPageSchema.parse(behindByOne.push?.changes).tombstones, [second.id]);
    assert.equal(signedManifestSchema.parse(behindByOne.push?.manifest).payload.version, behindByOne.version);
  });
});

describe('reconnecting screens', () => {
  it('drops an entry withdrawn while the screen was off before showing anything newer, and a revoked screen is cut off', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    await importAndApprove(h, 'black', toCsv(demoListRows('black', today, 5, 17)));
    const dir = tempDir(t);
    let player = await startTestPlayer(h.url, dir);
    const technician = await h.as('technician');
    const screenId = await adoptPlayer(player, technician, '车站屏');
    await waitFor('five entries', async () => shownEntryIds(await displayState(player)).length === 5);
    await player.close();

    const operator = await h.as('operator');
    const target = (await operator.request('GET', '/api/v1/entries?list=black&status=approved&limit=1')).body.items[0] as { id: string };
    await operator.request('POST', `/api/v1/entries/${target.id}/withdraw`, { reason: 'objection-upheld' });

    player = await startTestPlayer(h.url, dir);
    t.after(() => player.close());
    await waitFor('the withdrawal to be applied after reconnecting', async () => {
      const ids = shownEntryIds(await displayState(player));
      return ids.length === 4 && !ids.includes(target.id);
    }, { timeoutMs: 5_000 });

    const admin = await h.as('admin');
    const revoke = await admin.request('POST', `/api/v1/screens/${screenId}/revoke`);
    assert.equal(revoke.status, 200, JSON.stringify(revoke.body));
    await waitFor('the revoked screen to be disconnected', () => !player.status().connected);
    const state = await displayState(player);
    assert.equal(state.mode, 'playing', 'a revoked screen keeps its cached content rather than going dark');
  });
});
