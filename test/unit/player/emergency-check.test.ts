// The player's checks on a received emergency: the pinned key's signature, the payload type, unmasked IDs; and which one shows.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSignedEmergency, checkSignedEmergencyEnd, newestEmergency } from '../../../player/core/emergency/emergency-check.ts';
import type { EmergencyEndPayload, EmergencyPayload } from '../../../shared/protocol/emergency.ts';
import { generateSigningKeyPair, signPayload } from '../../../shared/signing/manifest-signing.ts';

const controllerKey = generateSigningKeyPair();
const otherKey = generateSigningKeyPair();

function emergency(overrides: Partial<EmergencyPayload> = {}): EmergencyPayload {
  return { type: 'emergency', id: '0190f5a4-7b2c-7d3e-8f40-1a2b3c4d5e6f', issuedAt: 1_767_225_600_000, content: { kind: 'text', title: '紧急疏散', body: '请有序撤离' }, ...overrides };
}

describe('emergency signature check', () => {
  it('accepts an emergency signed by the pinned key', () => {
    const check = checkSignedEmergency(signPayload(emergency(), controllerKey), controllerKey.publicKey);
    assert.equal(check.ok, true);
  });

  it('refuses one signed by another key, and one altered after signing', () => {
    const foreign = checkSignedEmergency(signPayload(emergency(), otherKey), controllerKey.publicKey);
    assert.deepEqual(foreign.ok ? null : foreign.reason, 'signature-invalid');
    const signed = signPayload(emergency(), controllerKey);
    const altered = { ...signed, payload: { ...signed.payload, content: { kind: 'text', title: '虚假通知', body: '' } } };
    const check = checkSignedEmergency(altered, controllerKey.publicKey);
    assert.deepEqual(check.ok ? null : check.reason, 'signature-invalid');
  });

  it('never takes a signed end for a start, nor a start for an end', () => {
    const end: EmergencyEndPayload = { type: 'emergency-end', id: emergency().id, endedAt: 1 };
    const signedEnd = signPayload(end, controllerKey);
    assert.deepEqual(checkSignedEmergency(signedEnd, controllerKey.publicKey).ok, false);
    assert.deepEqual(checkSignedEmergencyEnd(signPayload(emergency(), controllerKey), controllerKey.publicKey).ok, false);
    assert.deepEqual(checkSignedEmergencyEnd(signedEnd, controllerKey.publicKey).ok, true);
    assert.deepEqual(checkSignedEmergencyEnd(signPayload(end, otherKey), controllerKey.publicKey).ok, false);
  });

  it('refuses an unmasked ID number even when properly signed', () => {
    const signed = signPayload(emergency({ content: { kind: 'text', title: '寻人', body: '证件号 11010519491231002X' } }), controllerKey);
    const check = checkSignedEmergency(signed, controllerKey.publicKey);
    assert.deepEqual(check.ok ? null : check.reason, 'unmasked-id');
  });

  it('refuses a malformed payload without throwing', () => {
    assert.deepEqual(checkSignedEmergency({ payload: null, signature: 'x', keyId: 'y' }, controllerKey.publicKey).ok, false);
    assert.deepEqual(checkSignedEmergency('nonsense', controllerKey.publicKey).ok, false);
  });

  it('shows the newest of several in force, ties broken by id', () => {
    const older = emergency({ id: '0190f5a4-0000-7000-8000-000000000001', issuedAt: 10 });
    const newer = emergency({ id: '0190f5a4-0000-7000-8000-000000000002', issuedAt: 20 });
    const tie = emergency({ id: '0190f5a4-0000-7000-8000-000000000003', issuedAt: 20 });
    assert.equal(newestEmergency([newer, older])?.id, newer.id);
    assert.equal(newestEmergency([tie, newer, older])?.id, tie.id);
    assert.equal(newestEmergency([]), null);
  });
});
