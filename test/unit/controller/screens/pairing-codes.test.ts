import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PENDING_PER_ADDRESS, PAIRING_CODE_TTL_MS, PairingCodes } from '../../../../controller/server/features/screens/pairing-codes.ts';

describe('pairing codes', () => {
  it('gives a reconnecting device the same 6-digit code until it expires', () => {
    const codes = new PairingCodes();
    const first = codes.issue('device-a', 's1', '127.0.0.1', 0)!;
    assert.match(first.code, /^\d{6}$/);
    assert.equal(codes.issue('device-a', 's2', '127.0.0.1', 1_000)!.code, first.code);
    assert.equal(codes.list(1_000)[0]!.socketId, 's2');
    const renewed = codes.issue('device-a', 's3', '127.0.0.1', PAIRING_CODE_TTL_MS + 1)!;
    assert.equal(renewed.expiresAt, 2 * PAIRING_CODE_TTL_MS + 1, 'a fresh code once the old one expired');
    assert.equal(codes.list(PAIRING_CODE_TTL_MS + 1).length, 1);
  });

  it('hands a code out once and forgets expired ones', () => {
    const codes = new PairingCodes();
    const { code } = codes.issue('device-b', 's1', '10.0.0.2', 0)!;
    assert.equal(codes.take(code, 10)?.deviceId, 'device-b');
    assert.equal(codes.take(code, 10), null);
    const late = codes.issue('device-c', 's2', '10.0.0.3', 0)!;
    assert.equal(codes.take(late.code, PAIRING_CODE_TTL_MS), null);
  });

  it('frees a code when its device disconnects', () => {
    const codes = new PairingCodes();
    const { code } = codes.issue('device-d', 's9', '10.0.0.4', 0)!;
    codes.release('s9');
    assert.equal(codes.take(code, 1), null);
    assert.equal(codes.list(1).length, 0);
  });

  it('refuses a flood of devices from one address, but not from others', () => {
    const codes = new PairingCodes();
    for (let i = 0; i < MAX_PENDING_PER_ADDRESS; i++) assert.ok(codes.issue(`flood-${i}`, `s${i}`, '10.9.9.9', 0));
    assert.equal(codes.issue('flood-extra', 'sx', '10.9.9.9', 0), null);
    assert.ok(codes.issue('honest', 'sh', '10.0.0.5', 0));
  });
});
