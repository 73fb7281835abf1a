// The builder's precedence: an emergency in force covers the rotation and the fallback slide; without one nothing changes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWithEntries, type InputWithEntries } from '../../support/entry-sets.ts';
import type { EmergencyPayload } from '../../../shared/protocol/emergency.ts';
import { NOW, makeEntry, makeManifest } from './fixtures.ts';

function input(overrides: Partial<InputWithEntries> = {}): InputWithEntries {
  const entries = [makeEntry({ id: 'e1', list: 'black' })];
  return {
    paired: true,
    screenName: '火车站大屏',
    pairingCode: null,
    controllerUrl: 'http://controller.test',
    manifest: makeManifest({ version: 3, revision: 7, entries }),
    listRevision: 7,
    listsUpdatedAt: NOW - 60_000,
    entries,
    media: new Set(),
    slides: new Map(),
    nowMs: NOW,
    locale: 'zh-CN',
    ...overrides,
  };
}

const textEmergency: EmergencyPayload = { type: 'emergency', id: '0190f5a4-0000-7000-8000-000000000001', issuedAt: NOW - 1_000, content: { kind: 'text', title: '紧急疏散', body: '请有序撤离' } };
const slideEmergency: EmergencyPayload = {
  type: 'emergency',
  id: '0190f5a4-0000-7000-8000-000000000002',
  issuedAt: NOW,
  content: { kind: 'slide', contentId: 'slide-1', slide: { kind: 'slide', title: '暴雨预警', body: '请勿外出', theme: 'red', footer: '乌海市应急管理局' } },
};

describe('display-state builder with emergencies', () => {
  it('adds no emergency field when none is in force', () => {
    const state = buildWithEntries(input());
    assert.equal(state.mode, 'playing');
    assert.equal('emergency' in state, false);
  });

  it('puts the emergency above the rotation, which stays intact underneath for when it ends', () => {
    const plain = buildWithEntries(input());
    const state = buildWithEntries(input({ emergencies: [textEmergency] }));
    assert.ok(state.mode === 'playing' && plain.mode === 'playing');
    assert.deepEqual(state.emergency, { id: textEmergency.id, issuedAt: textEmergency.issuedAt, title: '紧急疏散', body: '请有序撤离', footer: null });
    assert.deepEqual(state.timeline, plain.timeline);
  });

  it('shows it over the fallback slide too, with no manifest at all', () => {
    const state = buildWithEntries(input({ manifest: null, emergencies: [textEmergency] }));
    assert.ok(state.mode === 'playing');
    assert.equal(state.fallback, true);
    assert.equal(state.emergency?.id, textEmergency.id);
  });

  it('shows the newest of several, a slide by its title, body and footer', () => {
    const state = buildWithEntries(input({ emergencies: [slideEmergency, textEmergency] }));
    assert.ok(state.mode === 'playing');
    assert.deepEqual(state.emergency, { id: slideEmergency.id, issuedAt: NOW, title: '暴雨预警', body: '请勿外出', footer: '乌海市应急管理局' });
  });

  it('leaves the pairing screen alone: an unpaired screen has no emergencies to trust', () => {
    assert.equal(buildWithEntries(input({ paired: false, emergencies: [textEmergency] })).mode, 'pairing');
  });
});
