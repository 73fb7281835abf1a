// Category policies over HTTP: a publication period (公示期) takes the category's entries past it off
// the screens at once and shortens the others' public end; the rest of the lists are untouched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import type { PublicEntry } from '../../shared/lists/list-entry.ts';
import { publicationPeriodEnd } from '../../shared/lists/publication-period.ts';
import { importAndApprove, startControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

const CATEGORY = '重大税收违法失信主体';

describe('category policies', () => {
  it('applies a publication period to the published list at once, and refuses one out of bounds', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const today = calendarDateAt(Date.now(), 480);
    await importAndApprove(h, 'black', toCsv(demoListRows('black', today, 30, 41)));
    const entries = (await (await h.as('auditor')).request('GET', '/api/v1/entries?status=approved&limit=100')).body.items as Array<{ id: string; category: string; listedOn: string; validUntil: string }>;

    const admin = await h.as('admin');
    const set = await admin.request('PUT', `/api/v1/category-policies/${encodeURIComponent(CATEGORY)}`, { nameDisplay: 'surname', idKeepStart: 6, idKeepEnd: 4, publicationMonths: 3 });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.publicationMonths, 3);
    const listed = (await admin.request('GET', '/api/v1/category-policies')).body as { default: { publicationMonths: null }; categories: Array<{ category: string; publicationMonths: number | null }> };
    assert.equal(listed.default.publicationMonths, null);
    assert.deepEqual(listed.categories.map((c) => [c.category, c.publicationMonths]), [[CATEGORY, 3]]);

    const published = await h.controller.context.db.selectFrom('publication').select(['entryId', 'deleted', 'bodyJson']).execute();
    const byId = new Map(published.map((p) => [p.entryId, p]));
    const inCategory = entries.filter((e) => e.category === CATEGORY);
    const ended = inCategory.filter((e) => publicationPeriodEnd(e.listedOn, 3)! < today);
    const running = inCategory.filter((e) => publicationPeriodEnd(e.listedOn, 3)! >= today);
    assert.ok(ended.length > 0 && running.length > 0, `the demo rows span the period's end: ${inCategory.map((e) => e.listedOn).join(', ')}`);
    for (const e of ended) assert.equal(byId.get(e.id)?.deleted, 1, `${e.id} listed ${e.listedOn} is past its period`);
    for (const e of running) assert.equal((JSON.parse(byId.get(e.id)!.bodyJson) as PublicEntry).validUntil, publicationPeriodEnd(e.listedOn, 3));
    for (const e of entries.filter((x) => x.category !== CATEGORY)) assert.equal((JSON.parse(byId.get(e.id)!.bodyJson) as PublicEntry).validUntil, e.validUntil);

    // Leaving the period out clears it: the valid-until date rules again.
    await admin.request('PUT', `/api/v1/category-policies/${encodeURIComponent(CATEGORY)}`, { nameDisplay: 'surname', idKeepStart: 6, idKeepEnd: 4 });
    const restored = await h.controller.context.db.selectFrom('publication').select(['entryId', 'deleted']).where('entryId', 'in', ended.map((e) => e.id)).execute();
    assert.ok(restored.every((r) => r.deleted === 0));

    const tooLong = await admin.request('PUT', `/api/v1/category-policies/${encodeURIComponent(CATEGORY)}`, { nameDisplay: 'surname', idKeepStart: 6, idKeepEnd: 4, publicationMonths: 121 });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.details.issues[0].path, 'body.publicationMonths');
  });
});
