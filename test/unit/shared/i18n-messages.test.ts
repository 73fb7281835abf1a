// User-facing strings: zh-CN is the default and en is complete.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGES, translate, type MessageKey } from '../../../shared/i18n/messages.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('i18n messages', () => {
  const zhKeys = Object.keys(MESSAGES['zh-CN']).sort();
  const enKeys = Object.keys(MESSAGES.en).sort();

  it('has every zh-CN key in en', () => {
    assert.deepEqual(zhKeys.filter((k) => !(k in MESSAGES.en)), []);
  });

  it('has no en key that zh-CN lacks', () => {
    assert.deepEqual(enKeys.filter((k) => !(k in MESSAGES['zh-CN'])), []);
  });

  it('has no empty message', () => {
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      for (const [key, text] of Object.entries(messages)) assert.notEqual(text.trim(), '', `${locale} ${key}`);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of zhKeys as MessageKey[]) {
      assert.deepEqual(placeholders(MESSAGES.en[key]), placeholders(MESSAGES['zh-CN'][key]), key);
    }
  });

  it('fills placeholders', () => {
    assert.equal(translate('zh-CN', 'list.count', { count: 12 }), '共 12 条');
    assert.equal(translate('en', 'list.count', { count: 12 }), '12 entries');
  });

  it('leaves a placeholder without a value visible rather than printing undefined', () => {
    assert.equal(translate('en', 'list.count'), '{count} entries');
  });

  it('translates plain keys', () => {
    assert.equal(translate('zh-CN', 'list.black.title'), '失信黑名单');
    assert.equal(translate('en', 'list.red.title'), 'Red list (trustworthy)');
  });
});
