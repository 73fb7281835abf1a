// The content library as the console reads it: who submitted each item by name, and pending media viewable by the console's users only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makePng } from '../fixtures/media/png.ts';
import { ApiClient, startControllerHarness } from '../support/controller-harness.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('content library', () => {
  it('names who submitted and who reviewed each item', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const slide = await operator.request('POST', '/api/v1/content/slides', { title: '诚信为本', body: '', theme: 'red' });
    assert.equal(slide.status, 201, JSON.stringify(slide.body));
    assert.equal((await (await h.as('approver')).request('POST', `/api/v1/content/${slide.body.id}/approve`, {})).status, 200);
    const listed = await operator.request('GET', '/api/v1/content');
    assert.equal(listed.status, 200);
    const [item] = listed.body.items;
    assert.equal(item.id, slide.body.id);
    assert.equal(item.submittedBy, h.userIds.operator);
    assert.equal(item.submittedByName, 'operator');
    assert.equal(item.reviewedByName, 'approver');
    assert.equal(item.status, 'approved');
  });

  it('serves a pending image to the console\'s users but not to the public or to other roles', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const png = makePng(32, 18, [200, 16, 46], [255, 215, 0]);
    const image = await operator.upload('/api/v1/content/media?title=海报', 'poster.png', png);
    assert.equal(image.status, 201, JSON.stringify(image.body));

    // Raw fetch: the answer is a PNG, not JSON.
    const { token } = (await new ApiClient(h.url).login('approver')).body;
    const seen = await fetch(`${h.url}/api/v1/content/${image.body.id}/file`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(seen.status, 200);
    assert.equal(seen.headers.get('content-type'), 'image/png');
    assert.equal(seen.headers.get('x-content-type-options'), 'nosniff');
    assert.match(seen.headers.get('cache-control') ?? '', /^private/);
    assert.deepEqual(new Uint8Array(await seen.arrayBuffer()), new Uint8Array(png));

    // Still not public: the immutable asset URL waits for approval.
    assert.equal((await fetch(`${h.url}/assets/${image.body.sha256}`)).status, 404);
    assert.equal((await new ApiClient(h.url).request('GET', `/api/v1/content/${image.body.id}/file`)).status, 401);
    assert.equal((await (await h.as('technician')).request('GET', `/api/v1/content/${image.body.id}/file`)).status, 403);
    const missing = await operator.request('GET', '/api/v1/content/no-such-item/file');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'content.not-found');
  });

  it('refuses an ID number or markup in a slide or ticker, naming the field it is in', async (t) => {
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    const operator = await h.as('operator');
    const slide = await operator.request('POST', '/api/v1/content/slides', { title: '失信提示', body: '被执行人 110101199003074578 请主动履行', theme: 'black' });
    assert.equal(slide.status, 400);
    assert.equal(slide.body.code, 'content.unmasked-id');
    assert.deepEqual(slide.body.details.issues.map((issue: { path: string }) => issue.path), ['body.body']);
    const footer = await operator.request('POST', '/api/v1/content/slides', { title: '诚信', body: '', footer: '<b>办公室</b>' });
    assert.equal(footer.body.code, 'content.bad-text');
    assert.deepEqual(footer.body.details.issues.map((issue: { path: string }) => issue.path), ['body.footer']);
    // A ticker without a title is titled with its text's start: the refusal names the text only.
    const ticker = await operator.request('POST', '/api/v1/content/tickers', { text: '举报电话 110101199003074578' });
    assert.equal(ticker.body.code, 'content.unmasked-id');
    assert.deepEqual(ticker.body.details.issues.map((issue: { path: string }) => issue.path), ['body.text']);
    assert.equal((await operator.request('GET', '/api/v1/content')).body.items.length, 0);
  });
});
