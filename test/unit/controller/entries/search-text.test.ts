import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseSearchPlan, FEW_FILTER_MATCHES, FEW_TEXT_MATCHES } from '../../../../controller/server/features/entries/search-plan.ts';
import { searchGrams, textQueryOf } from '../../../../controller/server/features/entries/search-text.ts';

describe('search text', () => {
  it('sends 3 characters or more to the trigram table and shorter text to the gram table, counted in code points', () => {
    assert.equal(textQueryOf('示例建')?.table, 'entry_search_text');
    assert.equal(textQueryOf('王伟')?.table, 'entry_search_grams');
    assert.equal(textQueryOf('𠀀王')?.table, 'entry_search_grams');
    assert.equal(textQueryOf('  '), null);
    assert.equal(textQueryOf('\u200b'), null);
  });

  it('quotes the text as one FTS5 phrase and escapes LIKE wildcards, so typed symbols match themselves', () => {
    assert.deepEqual(textQueryOf(' 50%_"公司" '), { text: '50%_"公司"', table: 'entry_search_text', match: '"50%_""公司"""', like: '%50\\%\\_"公司"%' });
  });

  it('folds full-width letters and digits as the importer does, and keeps Chinese prose punctuation', () => {
    assert.equal(textQueryOf('ＭＡ０１')?.text, 'MA01');
    assert.equal(textQueryOf('（分公司）')?.text, '（分公司）');
  });

  it('writes each character and adjacent pair once, never across texts or spaces', () => {
    assert.equal(searchGrams(['王伟', null, 'AB A']), '王 王伟 伟 A AB B');
    assert.equal(searchGrams(['𠀀王']), '𠀀 𠀀王 王');
  });
});

describe('search plan', () => {
  it('lets few text matches drive, then few filter matches, and walks the sort order otherwise', () => {
    assert.equal(chooseSearchPlan({ text: FEW_TEXT_MATCHES, filters: null }), 'by-text');
    assert.equal(chooseSearchPlan({ text: FEW_TEXT_MATCHES + 1, filters: FEW_FILTER_MATCHES }), 'by-filters');
    assert.equal(chooseSearchPlan({ text: FEW_TEXT_MATCHES + 1, filters: FEW_FILTER_MATCHES + 1 }), 'in-order');
    assert.equal(chooseSearchPlan({ text: null, filters: 3 }), 'by-filters');
    assert.equal(chooseSearchPlan({ text: null, filters: FEW_FILTER_MATCHES + 1 }), 'in-order');
    assert.equal(chooseSearchPlan({ text: FEW_TEXT_MATCHES + 1, filters: null }), 'in-order');
  });
});
