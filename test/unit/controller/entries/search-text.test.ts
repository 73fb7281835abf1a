import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseSearchPlan, COUNT_CAP, countSide, fallbackPlan, type PlanInput } from '../../../../controller/server/features/entries/search-plan.ts';
import { facetTokens, ftsQueryOf, searchGrams, textQueryOf } from '../../../../controller/server/features/entries/search-text.ts';

describe('search text', () => {
  it('sends 3 characters or more to the trigram table and shorter text to the gram table, counted in code points', () => {
    assert.equal(textQueryOf('示例建')?.table, 'entry_search_text');
    assert.equal(textQueryOf('王伟')?.table, 'entry_search_grams');
    assert.equal(textQueryOf('𠀀王')?.table, 'entry_search_grams');
    assert.equal(textQueryOf('  '), null);
    assert.equal(textQueryOf('\u200b'), null);
  });

  it('quotes the text as one FTS5 phrase and escapes LIKE wildcards, so typed symbols match themselves', () => {
    assert.deepEqual(textQueryOf(' 50%_"公司" '), { text: '50%_"公司"', table: 'entry_search_text', match: '"50%_""公司"""', like: '%50\\%\\_"公司"%', mayBeCode: false });
    assert.equal(textQueryOf('ma0')?.mayBeCode, true);
  });

  it('folds full-width letters and digits as the importer does, and keeps Chinese prose punctuation', () => {
    assert.equal(textQueryOf('ＭＡ０１')?.text, 'MA01');
    assert.equal(textQueryOf('（分公司）')?.text, '（分公司）');
  });

  it('puts list, category and region into the gram table\'s query for short text, and leaves status to the search copy', () => {
    const short = ftsQueryOf(textQueryOf('王')!, { list: 'red', category: '守合同 重信用', region: '1503', status: 'approved' });
    assert.deepEqual(short, { table: 'entry_search_grams', match: '"王" AND "l=red" AND "c=守合同_重信用" AND "r=1503"', residual: { status: 'approved' } });
    assert.deepEqual(ftsQueryOf(textQueryOf('王伟明')!, { list: 'red' }).residual, { list: 'red' });
    assert.deepEqual(facetTokens({ list: 'black', category: '失信被执行人', region: '150302' }, 'every'), ['l=black', 'c=失信被执行人', 'r=15', 'r=1503', 'r=150302']);
  });

  it('writes each character and adjacent pair once, never across texts or spaces', () => {
    assert.equal(searchGrams(['王伟', null, 'AB A']), '王 王伟 伟 A AB B');
    assert.equal(searchGrams(['𠀀王']), '𠀀 𠀀王 王');
  });
});

describe('search plan', () => {
  const million = (input: Partial<PlanInput>): PlanInput => ({ entries: 1_000_000, textMatches: null, textCap: COUNT_CAP, filterMatches: null, filterCap: Infinity, windowEnd: 50, sort: 'createdAt', ...input });

  it('drives from few text matches, walks the FTS doclist newest first, and sorts a middling text by name itself', () => {
    assert.equal(chooseSearchPlan(million({ textMatches: 1_000 })), 'by-text');
    assert.equal(chooseSearchPlan(million({ textMatches: COUNT_CAP + 1 })), 'in-order');
    assert.equal(chooseSearchPlan(million({ textMatches: 8_000 })), 'in-order');
    assert.equal(chooseSearchPlan(million({ textMatches: 8_000, sort: 'name', windowEnd: 1_000 })), 'by-text');
  });

  it('drives from few filter matches, also deep into a middling set, and walks for a broad one', () => {
    assert.equal(chooseSearchPlan(million({ filterMatches: 500 })), 'by-filters');
    assert.equal(chooseSearchPlan(million({ filterMatches: 800_000 })), 'in-order');
    assert.equal(chooseSearchPlan(million({ filterMatches: 30_000, windowEnd: 5_000 })), 'by-filters');
    assert.equal(chooseSearchPlan(million({ filterMatches: COUNT_CAP + 1, filterCap: COUNT_CAP })), 'in-order');
  });

  it('weighs the count a walk with text and filters needs, counted from the cheaper side', () => {
    const broadText = { textMatches: COUNT_CAP + 1 };
    assert.equal(chooseSearchPlan(million({ ...broadText, filterMatches: 200_000 })), 'in-order');
    assert.equal(countSide(million({ ...broadText, filterMatches: 200_000 })), 'text');
    assert.equal(chooseSearchPlan(million({ ...broadText, filterMatches: 2_000 })), 'by-filters');
    assert.equal(countSide(million({ ...broadText, filterMatches: 2_000 })), 'filters');
  });

  it('after a walk that found its matches far along the order, drives from the cheaper set it knows', () => {
    assert.equal(fallbackPlan(million({ textMatches: COUNT_CAP + 1, filterMatches: 200_000 })), 'by-text');
    assert.equal(fallbackPlan(million({ textMatches: COUNT_CAP + 1, filterMatches: 3_000 })), 'by-filters');
    assert.equal(fallbackPlan(million({ filterMatches: COUNT_CAP + 1, filterCap: COUNT_CAP })), 'by-filters');
    assert.equal(fallbackPlan(million({ textMatches: COUNT_CAP + 1, filterMatches: COUNT_CAP + 1, filterCap: COUNT_CAP })), 'by-text');
  });
});
