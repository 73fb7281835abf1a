// The whole path in a real browser: import through the API, four-eyes approval, the display
// showing masked entries, a withdrawal leaving the screen, a tampered manifest refused and
// reported, and the screen carrying on with the controller stopped.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { launchChromium } from '../support/chromium.ts';
import { startControllerHarness } from '../support/controller-harness.ts';
import { startTestPlayer } from '../support/player-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const today = calendarDateAt(Date.now(), 480);
const SHOTS = join(tmpdir(), 'gongshi-shots');

describe('import → approve → publish → display', () => {
  it('shows approved entries masked, drops a withdrawal within 3 s, refuses a tampered manifest, survives the controller stopping', async (t) => {
    const dir = tempDir(t);
    const h = await startControllerHarness(dir);
    let controllerUp = true;
    t.after(async () => {
      if (controllerUp) await h.close();
    });
    const player = await startTestPlayer(h.url, join(dir, 'player'));
    t.after(() => player.close());
    const browser = await launchChromium();
    t.after(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(player.displayUrl);

    // Pairing as a technician does it: read the code off the screen and adopt it.
    const shownCode = (await page.locator('[data-testid="pairing-code"]').innerText({ timeout: 10_000 })).replace(/\s/g, '');
    assert.match(shownCode, /^\d{6}$/);
    mkdirSync(SHOTS, { recursive: true });
    await page.waitForTimeout(1_200); // let the cross-fade from the first scene finish
    await page.screenshot({ path: join(SHOTS, 'e2e-pairing.png') });
    const technicianClient = await h.as('technician');
    const adopted = await technicianClient.request('POST', '/api/v1/screens/adopt', { pairingCode: shownCode, name: '政务大厅一号屏' });
    assert.equal(adopted.status, 201, JSON.stringify(adopted.body));
    await waitFor('the player to be paired', () => player.status().paired && player.status().connected);

    // Import as a user who may also approve: the server still refuses their own approval.
    const rows = demoListRows('black', today, 9, 42);
    const submitter = await h.as('operator2');
    const upload = await submitter.upload('/api/v1/imports?list=black', 'black.csv', toCsv(rows));
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const changeSetId = upload.body.changeSetId as string;
    const own = await submitter.request('POST', `/api/v1/change-sets/${changeSetId}/approve`, { comment: '自己批准' });
    assert.equal(own.status, 403);
    assert.equal(own.body.code, 'review.own-change');
    const approver = await h.as('approver');
    const approved = await approver.request('POST', `/api/v1/change-sets/${changeSetId}/approve`, { comment: '同意发布' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));

    const person = rows.find((r) => r.主体类型 === '自然人')!;
    const maskedId = `${person.证件号码.slice(0, 6)}********${person.证件号码.slice(14)}`;
    await page.getByText(maskedId).first().waitFor({ timeout: 10_000 });
    const text = await page.locator('[data-testid="display-root"]').innerText();
    for (const row of rows.filter((r) => r.证件号码 !== '')) assert.equal(text.includes(row.证件号码), false, 'an unmasked ID number reached the screen');
    assert.ok(text.includes(rows.find((r) => r.主体类型 === '法人')!.统一社会信用代码), 'credit codes are shown in full');
    await page.waitForTimeout(1_200); // let the cross-fade from the first scene finish
    await page.screenshot({ path: join(SHOTS, 'e2e-black-list.png') });

    // Withdrawal: gone from the screen within 3 s.
    const operator = await h.as('operator');
    const entries = (await operator.request('GET', `/api/v1/entries?q=${encodeURIComponent(person.主体名称)}&status=approved`)).body.items as Array<{ id: string }>;
    const target = entries[0]!;
    const row = page.locator(`[data-testid="entry-row"][data-entry-id="${target.id}"]`);
    await row.first().waitFor();
    const started = Date.now();
    const withdraw = await operator.request('POST', `/api/v1/entries/${target.id}/withdraw`, { reason: 'credit-repair', note: '已履行义务' });
    assert.equal(withdraw.status, 200);
    await row.first().waitFor({ state: 'detached', timeout: 3_000 });
    assert.ok(Date.now() - started <= 3_000);

    // A manifest altered after signing is refused; the screen keeps what it had and reports it.
    const technician = await h.as('technician');
    const before = player.status().manifestVersion;
    const sqlite = new BetterSqlite3(join(dir, 'controller', 'controller.sqlite'));
    const latest = sqlite.prepare('SELECT version, list_revision, signed_json FROM manifests ORDER BY version DESC LIMIT 1').get() as { version: number; list_revision: number; signed_json: string };
    const signed = JSON.parse(latest.signed_json);
    signed.payload.version = latest.version + 1;
    signed.payload.timeline[0].title = '被篡改的标题';
    sqlite.prepare('INSERT INTO manifests (version, list_revision, signed_json, created_at) VALUES (?, ?, ?, ?)').run(latest.version + 1, latest.list_revision, JSON.stringify(signed), Date.now());
    sqlite.prepare('UPDATE publication_state SET manifest_version = ?').run(latest.version + 1);
    sqlite.close();
    h.controller.context.publisher.reloadFromStore();
    h.controller.context.hub.announce({ manifestVersion: latest.version + 1, listRevision: latest.list_revision, previousListRevision: latest.list_revision, takedownIds: [], changed: true });
    const screen = await waitFor('the screen to report the bad signature', async () => {
      const screens = (await technician.request('GET', '/api/v1/screens')).body.items as Array<{ lastError: string | null }>;
      return screens.find((s) => s.lastError?.includes('manifest-signature-invalid'));
    });
    assert.ok(screen);
    assert.equal(player.status().manifestVersion, before);
    assert.equal(await page.getByText('被篡改的标题').count(), 0);
    const audit = (await (await h.as('auditor')).request('GET', '/api/v1/audit/events?limit=20')).body.items as Array<{ action: string }>;
    assert.ok(audit.some((e) => e.action === 'screen.error'));

    // Controller stopped: the display keeps showing the cached list.
    await h.close();
    controllerUp = false;
    await waitFor('the player to notice', () => !player.status().connected);
    await page.waitForTimeout(1_500);
    assert.ok((await page.locator('[data-testid="entry-row"]').count()) > 0);
    const remaining = rows.find((r) => r.主体类型 === '法人')!;
    assert.ok((await page.getByText(remaining.统一社会信用代码).count()) > 0);
    assert.equal(await page.getByText(maskedId).count(), 0, 'the withdrawn entry stays gone offline');
    await page.screenshot({ path: join(SHOTS, 'e2e-offline.png') });
  });
});
