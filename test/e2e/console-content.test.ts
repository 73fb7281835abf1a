// The content library in the console: an operator uploads an image with progress, makes a slide
// previewed by the display's own component at 16:9 and portrait, a ticker and a split list view,
// each refused once with the server's reason on the field at fault; the API then holds them all
// pending review. An approved slide is retired with a confirmation; an approver may look, not edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { makePng } from '../fixtures/media/png.ts';
import { consoleScreenshot, consoleSuite } from '../support/console-fixtures.ts';
import type { ApiClient } from '../support/controller-harness.ts';

const SLIDE_TITLE = '诚实守信 共建信用乌海';
const SLIDE_BODY = '守信光荣，失信可耻。\n信用记录可在“信用乌海”网站查询。';
const TICKER_TEXT = '诚信是立身之本，守信是立业之基。失信行为举报电话：12345';
const IMAGE_TITLE = '诚信宣传海报';
// A full resident ID number: no public screen may show one, whatever field it is typed in.
const FULL_ID = '110101199003074578';

interface ContentRow { id: string; kind: string; title: string; status: string; documentJson: string; submittedByName: string }

const preview = (page: Page) => page.frameLocator('iframe[title="屏幕预览"]');
const fieldError = (page: Page, testId: string) => page.locator('.ant-form-item', { has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

/** The preview frame's own window size, and the size it is drawn at on the page. */
async function previewGeometry(page: Page) {
  const frame = page.locator('iframe[title="屏幕预览"]');
  const inner = await frame.evaluate((element: HTMLIFrameElement) => ({ width: element.contentWindow?.innerWidth ?? 0, height: element.contentWindow?.innerHeight ?? 0 }));
  const drawn = await page.getByTestId('display-preview').boundingBox();
  assert.ok(drawn);
  return { inner, drawn };
}

describe('console content library', () => {
  const suite = consoleSuite();
  // Each sign-in costs a scrypt hash: one API client and one operator page per role for the whole file.
  const clients = new Map<string, Promise<ApiClient>>();
  const apiAs = (role: 'operator' | 'approver'): Promise<ApiClient> => clients.get(role) ?? clients.set(role, suite.harness().as(role)).get(role)!;
  let operatorPage: Promise<Page> | null = null;
  const signedInOperator = (): Promise<Page> => (operatorPage ??= suite.signIn('operator'));

  it('lets an operator upload an image, make a slide, a ticker and a list view, all pending review', async () => {
    const page = await signedInOperator();
    await page.getByRole('menuitem', { name: '内容库' }).click();
    await page.getByText('内容库还是空的').waitFor();
    await consoleScreenshot(page, 'content-empty');

    // Upload: the file's name suggests a title, the operator writes a better one, the bar reaches 100 %.
    await page.getByTestId('content-upload').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'poster-2024.png', mimeType: 'image/png', buffer: makePng(320, 180, [179, 38, 30], [255, 211, 110]) });
    const titleInput = page.locator('.ant-modal').getByLabel('标题');
    assert.equal(await titleInput.inputValue(), 'poster-2024');
    await titleInput.fill(IMAGE_TITLE);
    await page.getByTestId('upload-start').click();
    await page.locator('.ant-modal [data-testid=upload-progress]').getByText('100%').or(page.locator('.ant-modal [data-testid=upload-progress] .anticon-check-circle')).first().waitFor();
    await page.getByText(`「${IMAGE_TITLE}」已上传，等待审核`).first().waitFor();
    await consoleScreenshot(page, 'content-upload-done');
    await page.getByRole('button', { name: '完 成' }).or(page.getByRole('button', { name: '完成' })).first().click();
    const thumbnail = page.locator('[data-testid=content-row][data-kind=image] img');
    await thumbnail.waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-kind=image] img') as HTMLImageElement | null)?.naturalWidth === 320);

    // Slide: a full ID number in the body is refused by the server, shown on the body field.
    await page.getByTestId('content-create').click();
    await page.getByTestId('content-new-slide').click();
    await page.getByTestId('slide-title-input').fill(SLIDE_TITLE);
    await page.getByTestId('slide-body-input').fill(`被执行人 ${FULL_ID} 请主动履行`);
    await page.getByTestId('slide-submit').click();
    await fieldError(page, 'slide-body-input').getByText(/身份证号码/).waitFor();
    await consoleScreenshot(page, 'slide-editor-refused');
    await page.getByTestId('slide-body-input').fill(SLIDE_BODY);
    await page.getByText('守信红金').click();
    await page.getByTestId('slide-footer-input').fill('乌海市社会信用体系建设领导小组办公室');

    // The preview is the display's SlideView at the screen's real size, drawn smaller.
    await preview(page).getByTestId('slide-title').getByText(SLIDE_TITLE).waitFor();
    // The frame redraws a moment after the click: wait for the theme rather than read it at once.
    await assert.doesNotReject(preview(page).locator('[data-testid=slide][data-slide-theme=red]').waitFor({ timeout: 10_000 }), 'the preview takes the red theme');
    const landscape = await previewGeometry(page);
    assert.deepEqual(landscape.inner, { width: 1920, height: 1080 });
    assert.ok(Math.abs(landscape.drawn.width / landscape.drawn.height - 16 / 9) < 0.02, `16:9 box, got ${landscape.drawn.width}×${landscape.drawn.height}`);
    // The title is set at the display's size for 1080p (5.2 units of 19.2 px), not the console's.
    const titlePx = await preview(page).getByTestId('slide-title').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    assert.ok(Math.abs(titlePx - 99.84) < 0.5, `title font ${titlePx}px`);
    await consoleScreenshot(page, 'slide-editor');
    await page.getByText('竖屏 1080×1920').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=display-preview]')?.getAttribute('data-screen') === '1080x1920');
    const portrait = await previewGeometry(page);
    assert.deepEqual(portrait.inner, { width: 1080, height: 1920 });
    assert.ok(Math.abs(portrait.drawn.height / portrait.drawn.width - 16 / 9) < 0.02, `9:16 box, got ${portrait.drawn.width}×${portrait.drawn.height}`);
    await preview(page).getByTestId('slide-title').getByText(SLIDE_TITLE).waitFor();
    await consoleScreenshot(page, 'slide-editor-portrait');
    await page.getByTestId('slide-submit').click();
    await page.getByText(`「${SLIDE_TITLE}」已提交审核`).waitFor();
    await page.waitForURL(/\/console\/content$/);

    // Ticker: the display's band crawls the text in the preview.
    await page.getByTestId('content-create').click();
    await page.getByTestId('content-new-ticker').click();
    await page.getByTestId('ticker-text-input').fill(TICKER_TEXT);
    await page.getByTestId('ticker-speed-input').fill('90');
    await preview(page).getByTestId('ticker-text').getByText(TICKER_TEXT).waitFor();
    await preview(page).locator('.crawl__track--moving').first().waitFor();
    assert.equal(await preview(page).getByTestId('ticker-band').getAttribute('data-px-per-second'), '90');
    await consoleScreenshot(page, 'ticker-editor');
    await page.getByTestId('ticker-submit').click();
    await page.getByText(/滚动字幕「.*」已提交审核/).waitFor();

    // List view beside the uploaded image, with a QR link whose placeholder the server does not know.
    await page.getByTestId('content-create').click();
    await page.getByTestId('content-new-list-view').click();
    await page.getByTestId('list-view-title-input').fill('失信被执行人名单');
    await page.getByTestId('list-view-layout').getByText('名单 + 配图').click();
    await page.getByTestId('list-view-split-media').click();
    await page.locator('.ant-select-item-option', { hasText: IMAGE_TITLE }).click();
    await page.getByText('每行一个二维码').click();
    await page.getByTestId('list-view-qr-url').fill('https://www.creditchina.gov.cn/search?keyword={id}');
    await page.getByTestId('list-view-submit').click();
    await fieldError(page, 'list-view-qr-url').getByText(/未知的占位符 \{id\}/).waitFor();
    await consoleScreenshot(page, 'list-view-editor-refused');
    await page.getByTestId('list-view-qr-url').fill('https://www.creditchina.gov.cn/search?keyword={code}');
    await page.getByTestId('list-view-submit').click();
    await page.getByText('名单视图「失信被执行人名单」已提交审核').waitFor();
    await page.locator('[data-testid=content-row]').nth(3).waitFor();
    await consoleScreenshot(page, 'content-library');

    const items = (await (await apiAs('operator')).request<{ items: ContentRow[] }>('GET', '/api/v1/content')).body.items;
    const byKind = new Map(items.map((item) => [item.kind, item]));
    assert.deepEqual([...byKind.keys()].sort(), ['image', 'list-view', 'slide', 'ticker']);
    assert.ok(items.every((item) => item.status === 'pending' && item.submittedByName === 'operator'), JSON.stringify(items.map((i) => [i.kind, i.status])));
    assert.deepEqual(JSON.parse(byKind.get('slide')!.documentJson), { kind: 'slide', title: SLIDE_TITLE, body: SLIDE_BODY, theme: 'red', footer: '乌海市社会信用体系建设领导小组办公室' });
    assert.deepEqual(JSON.parse(byKind.get('ticker')!.documentJson), { kind: 'ticker', title: TICKER_TEXT.slice(0, 40), text: TICKER_TEXT, pxPerSecond: 90 });
    assert.equal(byKind.get('image')!.title, IMAGE_TITLE);
    const view = JSON.parse(byKind.get('list-view')!.documentJson);
    assert.deepEqual(view.view, { layout: 'split', splitMediaContentId: byKind.get('image')!.id, qr: { target: 'entry', urlTemplate: 'https://www.creditchina.gov.cn/search?keyword={code}' } });
    assert.equal(view.list, 'black');
  });

  it('retires an approved slide after a confirmation, and shows an approver (in English) the slide without an editor', async () => {
    const h = suite.harness();
    const operatorApi = await apiAs('operator');
    const created = await operatorApi.request('POST', '/api/v1/content/slides', { title: '一处失信 处处受限', body: '', theme: 'black' });
    assert.equal(created.status, 201);
    assert.equal((await (await apiAs('approver')).request('POST', `/api/v1/content/${created.body.id}/approve`, { comment: '同意' })).status, 200);

    const page = await signedInOperator();
    // Opened again, an approved slide is the starting point of a new one; it does not change.
    await page.goto(`${h.url}/console/content/slides/${created.body.id}`);
    await page.getByTestId('existing-item-notice').getByText('已通过').waitFor();
    assert.equal(await page.getByTestId('slide-title-input').inputValue(), '一处失信 处处受限');
    await preview(page).getByTestId('slide').and(preview(page).locator('[data-slide-theme=black]')).waitFor();
    await consoleScreenshot(page, 'slide-editor-existing');
    await page.goto(`${h.url}/console/content?kind=slide&status=approved`);
    const row = page.locator(`[data-content-id="${created.body.id}"]`);
    await row.getByRole('button', { name: '下架' }).or(row.getByRole('button', { name: '下 架' })).first().click();
    await page.getByTestId('retire-reason').fill('宣传期结束');
    await consoleScreenshot(page, 'content-retire-confirm');
    await page.locator('.ant-popconfirm').getByRole('button', { name: /下\s?架/ }).click();
    await page.getByText('已下架「一处失信 处处受限」').waitFor();
    const after = (await operatorApi.request<{ items: ContentRow[] }>('GET', '/api/v1/content')).body.items.find((item) => item.id === created.body.id);
    assert.equal(after?.status, 'retired');

    // The approver reads English: every text of the library has its English twin.
    const approver = await suite.signIn('approver', { locale: 'en' });
    await approver.getByRole('menuitem', { name: 'Content library' }).click();
    await approver.locator('[data-content-id]').first().waitFor();
    assert.equal(await approver.getByTestId('content-create').count(), 0, 'an approver is not offered the editors');
    await approver.locator(`[data-content-id="${created.body.id}"]`).getByTestId('content-open').click();
    await approver.frameLocator('iframe[title="Screen preview"]').getByTestId('slide-title').getByText('一处失信 处处受限').waitFor();
    await consoleScreenshot(approver, 'content-approver-slide');
  });
});
