// Masking of natural persons before anything reaches a public screen (DESIGN invariant 2).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADULT_AGE,
  DEFAULT_MASKING_POLICY,
  MASK_CHARACTER,
  looksLikeUnmaskedIdNumber,
  maskIdNumber,
  maskPersonName,
  surnameOf,
} from '../../../shared/masking/masking.ts';
import { ageOn } from '../../../shared/dates/calendar-date.ts';

const ID = '150302199001011237';

function revealedCount(masked: string): number {
  return Array.from(masked).filter((c) => c !== MASK_CHARACTER).length;
}

describe('masking', () => {
  it('keeps the first 6 and last 4 digits of an ID number', () => {
    assert.equal(maskIdNumber(ID, DEFAULT_MASKING_POLICY), '150302********1237');
  });

  it('keeps the ID number its original length', () => {
    assert.equal(maskIdNumber(ID, DEFAULT_MASKING_POLICY).length, 18);
    assert.equal(maskIdNumber('150302900101123', DEFAULT_MASKING_POLICY), '150302*****1123');
  });

  it('never reveals more than 10 characters whatever the policy asks', () => {
    assert.equal(maskIdNumber(ID, { idKeepStart: 12, idKeepEnd: 6 }), '150302********1237');
    assert.equal(revealedCount(maskIdNumber(ID, { idKeepStart: 0, idKeepEnd: 18 })), 10);
    assert.equal(revealedCount(maskIdNumber(ID, { idKeepStart: Number.POSITIVE_INFINITY, idKeepEnd: 0 })), 10);
  });

  it('masks every character of a value no longer than what the policy keeps', () => {
    assert.equal(maskIdNumber('1234567890', DEFAULT_MASKING_POLICY), '**********');
    assert.equal(maskIdNumber('', DEFAULT_MASKING_POLICY), '');
  });

  it('keeps nothing for a negative or NaN count instead of revealing the whole number', () => {
    assert.equal(maskIdNumber(ID, { idKeepStart: -3, idKeepEnd: 4 }), '**************1237');
    assert.equal(maskIdNumber(ID, { idKeepStart: 6, idKeepEnd: Number.NaN }), '150302************');
    assert.equal(maskIdNumber(ID, { idKeepStart: Number.NaN, idKeepEnd: Number.NaN }), '*'.repeat(18));
  });

  it('rounds fractional counts down', () => {
    assert.equal(maskIdNumber(ID, { idKeepStart: 6.9, idKeepEnd: 4.9 }), '150302********1237');
  });
});

describe('surname masking', () => {
  it('reads the first character as the surname', () => {
    assert.equal(surnameOf('张三'), '张');
    assert.equal(surnameOf(' 李小龙 '), '李');
  });

  it('reads a compound surname such as 欧阳 as two characters', () => {
    assert.equal(surnameOf('欧阳娜娜'), '欧阳');
    assert.equal(surnameOf('欧阳修'), '欧阳');
    assert.equal(surnameOf('司马相如'), '司马');
    assert.equal(surnameOf('诸葛亮'), '诸葛');
  });

  it('reads a two-character name that starts like a compound surname as surname plus given name', () => {
    assert.equal(surnameOf('欧阳'), '欧');
  });

  it('shows only the surname, followed by one or two mask characters', () => {
    assert.equal(maskPersonName('张三', 'surname'), '张*');
    assert.equal(maskPersonName('张三丰', 'surname'), '张**');
    assert.equal(maskPersonName('欧阳修', 'surname'), '欧阳*');
    assert.equal(maskPersonName('欧阳娜娜', 'surname'), '欧阳**');
  });

  it('does not reveal how long a long name is', () => {
    assert.equal(maskPersonName('买买提·艾力', 'surname'), '买**');
  });

  it('never shows a one-character name unmasked', () => {
    assert.equal(maskPersonName('王', 'surname'), '王*');
  });

  it('counts characters outside the Basic Multilingual Plane as one', () => {
    assert.equal(maskPersonName('𠮷野家', 'surname'), '𠮷**');
  });

  it('shows the full, trimmed name where the category publishes it', () => {
    assert.equal(maskPersonName(' 欧阳娜娜 ', 'full'), '欧阳娜娜');
  });

  it('defaults to surname only', () => {
    assert.equal(DEFAULT_MASKING_POLICY.nameDisplay, 'surname');
  });
});

describe('unmasked ID detection', () => {
  it('flags a raw ID number, with or without spaces', () => {
    assert.equal(looksLikeUnmaskedIdNumber(ID), true);
    assert.equal(looksLikeUnmaskedIdNumber('150302 19900101 1237'), true);
    assert.equal(looksLikeUnmaskedIdNumber('11010519491231002X'), true);
  });

  it('passes an ID number masked by the default policy', () => {
    assert.equal(looksLikeUnmaskedIdNumber(maskIdNumber(ID, DEFAULT_MASKING_POLICY)), false);
  });

  it('flags an ID number that is masked somewhere but still shows its birth date', () => {
    assert.equal(looksLikeUnmaskedIdNumber('1503021990010112*7'), true);
    assert.equal(looksLikeUnmaskedIdNumber('******19900101****'), true);
  });

  it('passes names and short numbers', () => {
    assert.equal(looksLikeUnmaskedIdNumber('张*'), false);
    assert.equal(looksLikeUnmaskedIdNumber('1234567'), false);
  });
});

describe('minors', () => {
  it('treats a person as a minor until the day of their 18th birthday', () => {
    assert.equal(ADULT_AGE, 18);
    assert.equal(ageOn('2008-06-15', '2026-06-14') < ADULT_AGE, true);
    assert.equal(ageOn('2008-06-15', '2026-06-15') < ADULT_AGE, false);
  });
});
