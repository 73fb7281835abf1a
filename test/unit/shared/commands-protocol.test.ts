// The remote-command wire schemas: what a player accepts and what the controller accepts back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Socket as ClientSocket } from 'socket.io-client';
import { commandOutcomeSchema, commandRequestSchema, hasPngSignature, PNG_SIGNATURE, type CommandOutcome } from '../../../shared/protocol/commands.ts';
import type { ControllerToPlayerEvents, PlayerToControllerEvents } from '../../../shared/protocol/events.ts';

const ID = '0190f3a2-7b1c-7d2e-8f00-123456789abc';

/** Never called: the type checker proves a wrong command or answer does not compile. */
export function commandTypeChecks(socket: ClientSocket<ControllerToPlayerEvents, PlayerToControllerEvents>): void {
  socket.on('command:run', (command, ack) => {
    const kind: string = command.kind;
    void kind;
    ack({ ok: true, result: { kind: 'identify', screenName: 'x', until: 1 } });
    ack({ ok: false, error: { code: 'screenshot-unsupported', message: 'none' } });
    // @ts-expect-error a success carries a result
    ack({ ok: true });
    // @ts-expect-error the answer is an outcome object, not a bare result
    ack({ kind: 'identify', screenName: 'x', until: 1 });
  });
  // @ts-expect-error commands go from the controller to the player only
  socket.emit('command:run', { id: ID, kind: 'identify', issuedAt: 1, expiresAt: 2 }, () => undefined);
}

describe('command protocol', () => {
  it('accepts a well-formed command and refuses unknown kinds and non-UUID ids', () => {
    assert.ok(commandRequestSchema.safeParse({ id: ID, kind: 'clear-cache', issuedAt: 1, expiresAt: 2 }).success);
    assert.equal(commandRequestSchema.safeParse({ id: ID, kind: 'format-disk', issuedAt: 1, expiresAt: 2 }).success, false);
    assert.equal(commandRequestSchema.safeParse({ id: '../etc', kind: 'identify', issuedAt: 1, expiresAt: 2 }).success, false);
  });

  it('accepts each kind of result and a failure, and refuses a result without its fields', () => {
    const outcomes: CommandOutcome[] = [
      { ok: true, result: { kind: 'reload-display', displaysNotified: 1 } },
      { ok: true, result: { kind: 'restart-player', restartInMs: 1000 } },
      { ok: true, result: { kind: 'screenshot', bytes: 10, sha256: 'a'.repeat(64) } },
      { ok: true, result: { kind: 'identify', screenName: '乌海站', until: 5 } },
      { ok: true, result: { kind: 'clear-cache', assetsRemoved: 2, bytesBefore: 10, bytesAfter: 5, sync: { outcome: 'applied', manifestVersion: 3, listRevision: 9, message: null } } },
      { ok: true, result: { kind: 'sync-now', sync: { outcome: 'no-manifest', manifestVersion: 0, listRevision: 0, message: null } } },
      { ok: false, error: { code: 'sync-failed', message: 'x' } },
    ];
    for (const outcome of outcomes) assert.ok(commandOutcomeSchema.safeParse(outcome).success, JSON.stringify(outcome));
    assert.equal(commandOutcomeSchema.safeParse({ ok: true, result: { kind: 'screenshot', bytes: 10 } }).success, false);
  });

  it('recognises the PNG signature and nothing shorter or different', () => {
    assert.equal(hasPngSignature(new Uint8Array([...PNG_SIGNATURE, 0])), true);
    assert.equal(hasPngSignature(new Uint8Array(PNG_SIGNATURE)), false);
    assert.equal(hasPngSignature(new TextEncoder().encode('GIF89a-------')), false);
  });
});
