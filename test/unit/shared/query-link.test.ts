// The QR code's link: what a template may hold, and how an entry's values go into it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import QRCode from 'qrcode';
import { listQrSchema, queryLink } from '../../../shared/lists/query-link.ts';
import { qrPath } from '../../../player/display/src/components/QrCode.tsx';

describe('query link', () => {
  it('puts an entry’s values into the template URL-encoded, so a name cannot add markup or parameters', () => {
    const template = 'https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword={code}&name={name}&list={list}';
    const link = queryLink(template, { list: 'black', entry: { code: '91150300MA0X000100', name: '示例<b>公司</b>&x=1' } });
    assert.equal(link, `https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword=91150300MA0X000100&name=${encodeURIComponent('示例<b>公司</b>&x=1')}&list=black`);
    assert.ok(!link.includes('<'));
    assert.equal(queryLink('https://credit.example.cn/{list}', { list: 'red' }), 'https://credit.example.cn/red');
  });

  it('refuses what a screen should not link to, saying why', () => {
    const issues = (qr: unknown) => {
      const parsed = listQrSchema.safeParse(qr);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    assert.deepEqual(issues({ target: 'entry', urlTemplate: 'https://www.creditchina.gov.cn/?keyword={code}' }), []);
    assert.match(issues({ target: 'list', urlTemplate: 'javascript:alert(1)' }).join(), /urlTemplate: an http\(s\) address/);
    assert.match(issues({ target: 'entry', urlTemplate: 'https://x.cn/?q={id}' }).join(), /unknown placeholder \{id\}/);
    assert.match(issues({ target: 'list', urlTemplate: 'https://x.cn/?q={name}' }).join(), /need target "entry"/);
    assert.match(issues({ target: 'list', urlTemplate: `https://x.cn/${'a'.repeat(300)}` }).join(), /urlTemplate/);
  });

  it('draws every dark module of the code, inside a four-module quiet zone', () => {
    const text = 'https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword=91150300MA0X000100';
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const { size, path } = qrPath(text);
    assert.equal(size, modules.size + 8);
    const dark = Array.from({ length: modules.size * modules.size }, (_, i) => modules.get(i % modules.size, Math.floor(i / modules.size))).filter(Boolean).length;
    assert.equal(path.match(/M/g)?.length, dark);
    assert.ok(path.startsWith('M4 4h1v1h-1z'), 'the finder pattern’s corner, after the quiet zone');
  });
});
