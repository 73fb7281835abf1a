// Pairing codes shown on unpaired screens. Held in memory: a code only matters while its
// device is connected, and a restart simply issues new ones.

import { randomInt } from 'node:crypto';

export const PAIRING_CODE_TTL_MS = 15 * 60 * 1000;

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
  issue(deviceId: string, socketId: string, remoteAddress: string, now: number): PendingPairing {
    this.expire(now);
    const existingCode = this.byDevice.get(deviceId);
    const existing = existingCode ? this.byCode.get(existingCode) : undefined;
    if (existing) {
      existing.socketId = socketId;
      existing.remoteAddress = remoteAddress;
      return existing;
    }
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (this.byCode.has(code));
    const pending = { code, deviceId, socketId, remoteAddress, expiresAt: now + PAIRING_CODE_TTL_MS };
    this.byCode.set(code, pending);
    this.byDevice.set(deviceId, code);
    return pending;
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
