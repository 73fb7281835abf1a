// Type-level test of the emergency events: each `@ts-expect-error` line must fail to compile.
// `npm run typecheck` is what checks this file; at run time it only asserts that it loaded.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Socket as PlayerSocket } from 'socket.io-client';
import type { Namespace } from 'socket.io';
import type { ControllerToPlayerEvents, PlayerSocketData, PlayerToControllerEvents, Result, SignedEmergency, SignedEmergencyEnd } from '../../../shared/protocol/index.ts';

/** Never called: it exists for the type checker. */
export function emergencyTypeChecks(
  player: PlayerSocket<ControllerToPlayerEvents, PlayerToControllerEvents>,
  nsp: Namespace<PlayerToControllerEvents, ControllerToPlayerEvents, Record<string, never>, PlayerSocketData>,
  signed: SignedEmergency,
  signedEnd: SignedEmergencyEnd,
): void {
  player.emit('emergency:ack', { id: signed.payload.id }, (result: Result<null>) => void result);
  // @ts-expect-error the ack names the emergency by id
  player.emit('emergency:ack', signed.payload.id, () => undefined);
  // @ts-expect-error a player cannot start an emergency
  player.emit('emergency:start', signed);

  nsp.to('screen:x').emit('emergency:start', signed);
  nsp.to('screen:x').emit('emergency:end', signedEnd);
  nsp.to('screen:x').emit('screen:groups', { groupIds: ['g'] });
  // @ts-expect-error an emergency travels signed, never as a bare payload
  nsp.to('screen:x').emit('emergency:start', signed.payload);
  // @ts-expect-error an end is its own signed message, not the start's
  nsp.to('screen:x').emit('emergency:end', signed);
}

describe('emergency protocol types', () => {
  it('compiles (the checks run in typecheck)', () => {
    assert.equal(typeof emergencyTypeChecks, 'function');
  });
});
