// The auditor's proof-of-play report over HTTP: plays named by screen and content, totals clipped to
// the asked window, and the CSV export Excel opens (BOM, CRLF, defused formulas).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { recordPlayEvents } from '../../controller/server/features/proof-of-play/service.ts';
import { createScreen } from '../../controller/server/features/screens/service.ts';
import type { PlayEvent } from '../../shared/protocol/proof-of-play.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 4, 1, 0, 0, 0); // 08:00 in UTC+8

function play(contentId: string, kind: PlayEvent['kind'], startedAt: number, seconds: number): PlayEvent {
  return { id: randomUUID(), kind, contentId, contentHash: 'a'.repeat(64), manifestVersion: 3, listRevision: 2, startedAt, endedAt: startedAt + seconds * 1000 };
}

describe('proof-of-play report', () => {
  it('sums plays per screen and content inside the window, names them, and exports every play as CSV', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const { db } = h.controller.context;
    const operator = await h.as('operator');
    const slide = await operator.request('POST', '/api/v1/content/slides', { title: '=诚信兴商', body: '诚信是立身之本', theme: 'integrity' });
    assert.equal(slide.status, 201, JSON.stringify(slide.body));
    const slideItem = `slide-${slide.body.id}`;
    const station = await createScreen(db, { name: '火车站大屏', deviceId: 'd1', actorId: h.userIds.technician, now: T0 });
    const square = await createScreen(db, { name: '人民广场', deviceId: 'd2', actorId: h.userIds.technician, now: T0 });
    await recordPlayEvents(db, station.screenId, { events: [play('list-black', 'list', T0, 60), play(slideItem, 'slide', T0 + 60_000, 15), play('list-black', 'list', T0 + HOUR, 60)] }, T0);
    // Straddles the window's start: only its last 10 s count.
    await recordPlayEvents(db, square.screenId, { events: [play('list-black', 'list', T0 - 20_000, 30)] }, T0);

    const auditor = await h.as('auditor');
    const summary = await auditor.request('GET', `/api/v1/proof-of-play/summary?from=${T0}&to=${T0 + 2 * HOUR}`);
    assert.equal(summary.status, 200, JSON.stringify(summary.body));
    const rows = summary.body.items as Array<{ screenName: string; contentId: string; contentTitle: string; plays: number; shownMs: number }>;
    const line = (screen: string, content: string) => rows.find((r) => r.screenName === screen && r.contentId === content);
    assert.deepEqual({ plays: line('火车站大屏', 'list-black')?.plays, shownMs: line('火车站大屏', 'list-black')?.shownMs, title: line('火车站大屏', 'list-black')?.contentTitle }, { plays: 2, shownMs: 120_000, title: '失信黑名单' });
    assert.deepEqual({ plays: line('火车站大屏', slideItem)?.plays, title: line('火车站大屏', slideItem)?.contentTitle }, { plays: 1, title: '=诚信兴商' });
    assert.deepEqual({ plays: line('人民广场', 'list-black')?.plays, shownMs: line('人民广场', 'list-black')?.shownMs }, { plays: 1, shownMs: 10_000 });
    assert.equal(summary.body.plays, 4);
    assert.equal(summary.body.shownMs, 145_000);
    assert.equal(summary.body.truncated, false);

    const oneScreen = await auditor.request('GET', `/api/v1/proof-of-play/summary?screenId=${square.screenId}`);
    assert.deepEqual(oneScreen.body.items.map((r: { screenId: string }) => r.screenId), [square.screenId]);
    const backwards = await auditor.request('GET', `/api/v1/proof-of-play/summary?from=${T0 + HOUR}&to=${T0}`);
    assert.equal(backwards.body.code, 'proof-of-play.bad-range');

    // The event list carries the same names.
    const page = await auditor.request('GET', `/api/v1/proof-of-play?screenId=${station.screenId}&limit=2`);
    assert.deepEqual(page.body.items.map((r: { screenName: string; contentTitle: string }) => [r.screenName, r.contentTitle]), [['火车站大屏', '失信黑名单'], ['火车站大屏', '=诚信兴商']]);
    assert.ok(page.body.nextCursor);

    const csv = await fetch(`${h.url}/api/v1/proof-of-play?format=csv&from=${T0}&to=${T0 + 2 * HOUR}`, { headers: { authorization: `Bearer ${(await auditor.login('auditor')).body.token}` } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''%E6%92%AD/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark for Excel');
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    assert.equal(lines.at(-1), '');
    assert.match(lines[0]!, /^开始时间 started \(UTC\+08:00\),/);
    assert.equal(lines.length - 2, 4, 'a header and one line per play');
    assert.ok(lines.includes(`2025-05-01 07:59:40,2025-05-01 08:00:10,30.0,人民广场,${square.screenId},失信黑名单,list-black,list,3,2,${'a'.repeat(64)},${lines.find((l) => l.includes('人民广场'))?.split(',').at(-1)}`));
    assert.ok(lines.some((l) => l.includes(`,'=诚信兴商,${slideItem},slide,`)), 'a title that would be a formula is written as text');

    const refused = await fetch(`${h.url}/api/v1/proof-of-play?format=csv&from=${T0 + HOUR}&to=${T0}`, { headers: { authorization: `Bearer ${(await auditor.login('auditor')).body.token}` } });
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { code: string }).code, 'proof-of-play.bad-range');
  });
});
