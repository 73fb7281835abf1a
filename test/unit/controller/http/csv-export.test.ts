import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, csvInstant, csvLine, utcOffsetLabel } from '../../../../controller/server/http/csv-export.ts';

describe('csv export', () => {
  it('quotes cells holding commas, quotes or line breaks, and leaves plain text and numbers as they are', () => {
    assert.equal(csvLine(['火车站大屏', 'a,b', 'say "hi"', 'two\nlines', 12.5, null, undefined]), '火车站大屏,"a,b","say ""hi""","two\nlines",12.5,,\r\n');
  });

  it('writes a typed cell that a spreadsheet would run as a formula as text', () => {
    for (const text of ['=1+1', '+86', '-2', '@SUM(A1)', '\tx']) assert.equal(csvCell(text).replace(/^"|"$/g, '').startsWith(`'`), true, text);
    assert.equal(csvCell('=HYPERLINK("http://x","点我")'), `"'=HYPERLINK(""http://x"",""点我"")"`);
    assert.equal(csvCell(-2), '-2', 'numbers the controller writes stay numbers');
  });

  it('writes instants as the wall clock at the given offset, and names the offset', () => {
    assert.equal(csvInstant(Date.UTC(2025, 0, 31, 16, 30, 5), 480), '2025-02-01 00:30:05');
    assert.equal(utcOffsetLabel(480), '+08:00');
    assert.equal(utcOffsetLabel(-210), '-03:30');
    assert.equal(utcOffsetLabel(0), '+00:00');
  });
});
