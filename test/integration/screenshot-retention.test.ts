// Screenshot retention on a real controller: real SQLite, real PNG files in its data folder. The newest
// 20 per screen within 30 days stay; older ones lose their file and answer 410; files no command
// names are swept; nothing a kept command names is ever deleted.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { screenshotsDir, saveScreenshot } from '../../controller/server/features/commands/screenshot-files.ts';
import { DEFAULT_SCREENSHOT_RETENTION, pruneScreenshots } from '../../controller/server/features/commands/service.ts';
import { attachScreenshot, completeCommand, findCommand, insertCommand, markSent } from '../../controller/server/features/commands/store.ts';
import { createScreen } from '../../controller/server/features/screens/service.ts';
import { startScreenshotRetentionJob } from '../../controller/server/jobs/screenshot-retention-job.ts';
import type { Database } from '../../controller/server/store/schema.ts';
import { makeNoisePng } from '../fixtures/media/png.ts';
import { startControllerHarness, type ApiClient, type ControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 2, 0);

type Outcome = 'succeeded' | 'failed' | 'sent';

/** A screenshot command as a screen answers it: sent, its PNG saved to disk and attached, then its result recorded. */
async function screenshotTaken(db: Kysely<Database>, dataDir: string, screenId: string, requestedBy: string, requestedAt: number, outcome: Outcome = 'succeeded'): Promise<string> {
  const id = randomUUID();
  await insertCommand(db, { id, screenId, kind: 'screenshot', requestedBy, requestedAt, expiresAt: requestedAt + 600_000 });
  const attempt = await markSent(db, id, requestedAt + 1_000);
  assert.equal(attempt, 1);
  const saved = await saveScreenshot(dataDir, id, makeNoisePng(8, 8, requestedAt % 997));
  await attachScreenshot(db, id, saved.sha256, saved.bytes);
  if (outcome === 'succeeded') {
    await completeCommand(db, id, 1, { status: 'succeeded', at: requestedAt + 2_000, resultJson: JSON.stringify({ kind: 'screenshot', ...saved }), errorCode: null, errorMessage: null });
  } else if (outcome === 'failed') {
    // Uploaded, but the answer never came back in time: its PNG is on disk all the same.
    await completeCommand(db, id, 1, { status: 'failed', at: requestedAt + 300_000, resultJson: null, errorCode: 'timeout', errorMessage: 'the screen did not answer in time' });
  }
  return id;
}

const fileOf = (h: ControllerHarness, commandId: string) => join(screenshotsDir(h.controller.context.config.dataDir), `${commandId}.png`);

/** For answers that are errors: ApiClient reads JSON, which a served PNG is not. */
async function getScreenshotError(client: ApiClient, screenId: string, commandId: string) {
  return client.request('GET', `/api/v1/screens/${screenId}/screenshots/${commandId}`);
}

describe('screenshot retention', () => {
  it('keeps the newest 20 per screen within 30 days, deletes the rest after clearing their rows, and sweeps orphans', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const { db, config } = h.controller.context;
    const dataDir = config.dataDir;
    const technicianId = h.userIds.technician;
    const busy = (await createScreen(db, { name: '乌海站大屏', deviceId: 'device-busy-01', actorId: technicianId, now: T0 })).screenId;
    const quiet = (await createScreen(db, { name: '政务大厅屏', deviceId: 'device-quiet-1', actorId: technicianId, now: T0 })).screenId;

    // The busy screen: 25 screenshots over 25 minutes, the 5 oldest beyond the 20 kept.
    const busyShots: string[] = [];
    for (let i = 0; i < 25; i++) busyShots.push(await screenshotTaken(db, dataDir, busy, technicianId, T0 + 40 * DAY_MS + i * 60_000));
    // The quiet screen: one 40 days old, one 40 days old that failed after its upload, one still out
    // on its connection (never touched, whatever its age), two recent ones.
    const now = T0 + 41 * DAY_MS;
    const quietOld = await screenshotTaken(db, dataDir, quiet, technicianId, now - 40 * DAY_MS);
    const quietFailedOld = await screenshotTaken(db, dataDir, quiet, technicianId, now - 39 * DAY_MS, 'failed');
    const quietInFlight = await screenshotTaken(db, dataDir, quiet, technicianId, now - 38 * DAY_MS, 'sent');
    const quietRecent = [await screenshotTaken(db, dataDir, quiet, technicianId, now - 2 * DAY_MS), await screenshotTaken(db, dataDir, quiet, technicianId, now - DAY_MS)];

    // Files no command names: an old orphan and an old interrupted save go; a fresh one (a screen's
    // upload between writing its file and its row naming it) stays.
    const folder = screenshotsDir(dataDir);
    const oldOrphan = join(folder, `${randomUUID()}.png`);
    const oldTemp = join(folder, `${randomUUID()}.png.0badc0de.tmp`);
    const freshOrphan = join(folder, `${randomUUID()}.png`);
    const notOurs = join(folder, 'README.txt');
    for (const path of [oldOrphan, oldTemp, freshOrphan, notOurs]) writeFileSync(path, 'x');
    const twoHoursBefore = new Date(now - 2 * 3_600_000);
    utimesSync(oldOrphan, twoHoursBefore, twoHoursBefore);
    utimesSync(oldTemp, twoHoursBefore, twoHoursBefore);
    utimesSync(freshOrphan, new Date(now), new Date(now));

    const pruned = await pruneScreenshots(db, dataDir, now, DEFAULT_SCREENSHOT_RETENTION);
    assert.deepEqual(pruned, { expired: 7, orphansRemoved: 2 });

    const gone = [...busyShots.slice(0, 5), quietOld, quietFailedOld];
    const kept = [...busyShots.slice(5), quietInFlight, ...quietRecent];
    for (const id of gone) {
      assert.equal(existsSync(fileOf(h, id)), false, `${id}'s file is deleted`);
      const row = await findCommand(db, id);
      assert.deepEqual([row?.screenshotSha256, row?.screenshotBytes], [null, null], 'and its row no longer names it');
    }
    for (const id of kept) {
      assert.equal(existsSync(fileOf(h, id)), true, `${id}'s file is kept`);
      assert.notEqual((await findCommand(db, id))?.screenshotSha256, null);
    }
    assert.deepEqual([existsSync(oldOrphan), existsSync(oldTemp), existsSync(freshOrphan), existsSync(notOurs)], [false, false, true, true]);
    // Every PNG left is named by a command, or is the fresh upload.
    const named = new Set([...kept.map((id) => `${id}.png`), freshOrphan.slice(folder.length + 1), 'README.txt']);
    assert.deepEqual(readdirSync(folder).filter((name) => !named.has(name)), []);

    // The API: a kept screenshot is served, an expired one answers 410, a failed one 404.
    const technician = await h.as('technician');
    const keptAnswer = await fetch(`${h.url}/api/v1/screens/${busy}/screenshots/${busyShots[24]}`, { headers: { authorization: `Bearer ${(await technician.login('technician')).body.token}` } });
    assert.equal(keptAnswer.status, 200);
    assert.equal(keptAnswer.headers.get('content-type'), 'image/png');
    const expired = await getScreenshotError(technician, busy, busyShots[0] ?? '');
    assert.equal(expired.status, 410);
    assert.equal(expired.body.code, 'commands.screenshot-expired');
    const failed = await getScreenshotError(technician, quiet, quietFailedOld);
    assert.equal(failed.status, 404);
    assert.equal(failed.body.code, 'commands.screenshot-not-found');
    const history = await technician.request('GET', `/api/v1/screens/${busy}/commands?limit=200`);
    const byId = new Map<string, { screenshotUrl: string | null; screenshotExpired: boolean; result: { sha256: string } }>(history.body.items.map((c: { id: string }) => [c.id, c]));
    assert.deepEqual([byId.get(busyShots[0] ?? '')?.screenshotUrl, byId.get(busyShots[0] ?? '')?.screenshotExpired], [null, true]);
    assert.match(byId.get(busyShots[0] ?? '')?.result.sha256 ?? '', /^[0-9a-f]{64}$/, 'the result still says what was taken');
    assert.deepEqual([byId.get(busyShots[24] ?? '')?.screenshotUrl, byId.get(busyShots[24] ?? '')?.screenshotExpired], [`/api/v1/screens/${busy}/screenshots/${busyShots[24]}`, false]);

    // One audit event for the run, with the count; a second run has nothing to do.
    const audit = await (await h.as('auditor')).request('GET', '/api/v1/audit/events?limit=500');
    const events = (audit.body.items as Array<{ action: string; actor: string; details: { count: number; commandIds: string[] } }>).filter((e) => e.action === 'screen.screenshots-expired');
    assert.equal(events.length, 1);
    assert.equal(events[0]?.actor, 'system');
    assert.equal(events[0]?.details.count, 7);
    assert.deepEqual(new Set(events[0]?.details.commandIds), new Set(gone));
    assert.deepEqual(await pruneScreenshots(db, dataDir, now, DEFAULT_SCREENSHOT_RETENTION), { expired: 0, orphansRemoved: 0 });
    assert.equal((await (await h.as('auditor')).request('GET', '/api/v1/audit/verify')).status, 200);
  });

  it('runs as a job on the controller until stopped', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const { db, config } = h.controller.context;
    const screenId = (await createScreen(db, { name: '乌海机场 T1', deviceId: 'device-airport', actorId: h.userIds.technician, now: T0 })).screenId;
    const older = await screenshotTaken(db, config.dataDir, screenId, h.userIds.technician, Date.now() - 60_000);
    const newer = await screenshotTaken(db, config.dataDir, screenId, h.userIds.technician, Date.now() - 30_000);
    const job = startScreenshotRetentionJob({ ...h.controller.context, logger: pino({ level: 'silent' }) }, { ...DEFAULT_SCREENSHOT_RETENTION, keepPerScreen: 1, checkIntervalMs: 50 });
    t.after(() => job.stop());
    await waitFor('the job to delete the older screenshot', () => !existsSync(fileOf(h, older)));
    assert.equal(existsSync(fileOf(h, newer)), true);
    await job.stop();
  });
});
