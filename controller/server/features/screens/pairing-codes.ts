// Pairing codes shown on unpaired screens. Held in memory: a code only matters while its
// device is connected, and a restart simply issues new ones.

import { randomInt } from 'node:crypto';

export const PAIRING_CODE_TTL_MS = 15 * 60 * 1000;
/** A hall rarely unboxes more than a few screens at once; a flood from one address is refused. */
export const MAX_PENDING_PER_ADDRESS = 50;
/** Far below the 10^6 code space, so a free code is always found within a few draws. */
export const MAX_PENDING_TOTAL = 10_000;
const MAX_CODE_DRAWS = 50;

export interface PendingPairing {
  code: string;
  deviceId: string;
  socketId: string;
  expiresAt: number;
  remoteAddress: string;
}

export class PairingCodes {
  private readonly byCode = new Map<string, PendingPairing>();
  private readonly byDevice = new Map<string, string>();

  /** A device that reconnects keeps its code until it expires, so the screen does not flicker. */
  issue(deviceId: string, socketId: string, remoteAddress: string, now: number): PendingPairing | null {
    this.expire(now);
    const existingCode = this.byDevice.get(deviceId);
    const existing = existingCode ? this.byCode.get(existingCode) : undefined;
    if (existing) {
      existing.socketId = socketId;
      existing.remoteAddress = remoteAddress;
      return existing;
    }
    if (this.byCode.size >= MAX_PENDING_TOTAL) return null;
    let sameAddress = 0;
    for (const pending of this.byCode.values()) if (pending.remoteAddress === remoteAddress) sameAddress += 1;
    if (sameAddress >= MAX_PENDING_PER_ADDRESS) return null;
    let code: string | null = null;
    for (let draw = 0; draw < MAX_CODE_DRAWS && code === null; draw++) {
      const candidate = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!this.byCode.has(candidate)) code = candidate;
    }
    if (code === null) return null;
    const pending = { code, deviceId, socketId, remoteAddress, expiresAt: now + PAIRING_CODE_TTL_MS };
    this.byCode.set(code, pending);
    this.byDevice.set(deviceId, code);
    return pending;
  }

  /** The device went away: its code is freed, so a screen offline for good holds nothing. */
  release(socketId: string): void {
    for (const [code, pending] of this.byCode) {
      if (pending.socketId === socketId) {
        this.byCode.delete(code);
        this.byDevice.delete(pending.deviceId);
      }
    }
  }

  take(code: string, now: number): PendingPairing | null {
    this.expire(now);
    const pending = this.byCode.get(code);
    if (!pending) return null;
    this.byCode.delete(code);
    this.byDevice.delete(pending.deviceId);
    return pending;
  }

  list(now: number): PendingPairing[] {
    this.expire(now);
    return [...this.byCode.values()];
  }

  private expire(now: number): void {
    for (const [code, pending] of this.byCode) {
      if (pending.expiresAt <= now) {
        this.byCode.delete(code);
        this.byDevice.delete(pending.deviceId);
      }
    }
  }
}
