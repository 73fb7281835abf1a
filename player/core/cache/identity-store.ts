// The player's identity: a device id made once, then the screen id, token and pinned controller key.

import type Database from 'better-sqlite3';

export interface Identity {
  deviceId: string;
  screenId: string | null;
  token: string | null;
  /** base64 Ed25519 key pinned at pairing; manifests signed by any other key are refused */
  controllerPublicKey: string | null;
  screenName: string | null;
  controllerUrl: string | null;
  pairedAt: number | null;
}

export interface Pairing {
  screenId: string;
  screenName: string;
  token: string;
  controllerPublicKey: string;
  controllerUrl: string;
  pairedAt: number;
}

export type PairedIdentity = Identity & { screenId: string; token: string; controllerPublicKey: string; screenName: string };

export function isPaired(identity: Identity): identity is PairedIdentity {
  return identity.screenId !== null && identity.token !== null && identity.controllerPublicKey !== null && identity.screenName !== null;
}

interface IdentityRow {
  device_id: string;
  screen_id: string | null;
  token: string | null;
  controller_public_key: string | null;
  screen_name: string | null;
  controller_url: string | null;
  paired_at: number | null;
}

export class IdentityStore {
  readonly #select;
  readonly #insertDevice;
  readonly #pair;
  readonly #unpair;

  constructor(db: Database.Database) {
    this.#select = db.prepare<[], IdentityRow>('SELECT * FROM identity WHERE singleton = 1');
    this.#insertDevice = db.prepare<[deviceId: string]>('INSERT OR IGNORE INTO identity (singleton, device_id) VALUES (1, ?)');
    this.#pair = db.prepare<[screenId: string, token: string, key: string, screenName: string, controllerUrl: string, pairedAt: number]>(
      `UPDATE identity SET screen_id = ?, token = ?, controller_public_key = ?, screen_name = ?, controller_url = ?, paired_at = ?
       WHERE singleton = 1`,
    );
    this.#unpair = db.prepare<[]>(
      `UPDATE identity SET screen_id = NULL, token = NULL, controller_public_key = NULL, screen_name = NULL, paired_at = NULL
       WHERE singleton = 1`,
    );
  }

  /** Returns the identity, creating the device id on first use (it never changes afterwards). */
  load(newDeviceId: () => string): Identity {
    if (!this.#select.get()) this.#insertDevice.run(newDeviceId());
    const row = this.#select.get();
    if (!row) throw new Error('identity row missing after insert');
    return {
      deviceId: row.device_id,
      screenId: row.screen_id,
      token: row.token,
      controllerPublicKey: row.controller_public_key,
      screenName: row.screen_name,
      controllerUrl: row.controller_url,
      pairedAt: row.paired_at,
    };
  }

  pair(p: Pairing): void {
    this.#pair.run(p.screenId, p.token, p.controllerPublicKey, p.screenName, p.controllerUrl, p.pairedAt);
  }

  /** For a technician's "forget controller": the device id stays, everything paired goes. */
  unpair(): void {
    this.#unpair.run();
  }
}
