// What an emergency notice's text may not hold: an ID number (spaced or not), markup, control characters.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEmergencyTextProblems } from '../../../shared/emergency/emergency-text.ts';

const text = (title: string, body = '') => ({ kind: 'text' as const, title, body });

describe('emergency text', () => {
  it('passes plain Chinese text, line breaks, phone numbers and times', () => {
    assert.deepEqual(findEmergencyTextProblems(text('紧急疏散', '请沿指示有序撤离。\n咨询电话 0473-12345678，15:30 前')), []);
  });

  it('finds a full ID number, with or without spaces, in any field, a slide included', () => {
    assert.deepEqual(findEmergencyTextProblems(text('寻人', '证件号 11010519491231002X')), ['unmasked-id']);
    assert.deepEqual(findEmergencyTextProblems(text('1101 0519 4912 3100 2x')), ['unmasked-id']);
    const slide = { kind: 'slide' as const, contentId: 'c', slide: { kind: 'slide' as const, title: '通知', body: '', theme: 'red' as const, footer: '110105194912310021' } };
    assert.deepEqual(findEmergencyTextProblems(slide), ['unmasked-id']);
  });

  it('finds markup and control characters', () => {
    assert.deepEqual(findEmergencyTextProblems(text('通知', '<b>注意</b>')), ['markup']);
    assert.deepEqual(findEmergencyTextProblems(text('通知\u202e')), ['control-characters']);
  });
});
