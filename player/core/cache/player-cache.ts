// Opens the player's offline cache (SQLite + asset files) and performs the atomic switch.

import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AssetStore } from './asset-store.ts';
import { ClockStore } from './clock-store.ts';
import { DisplayPageStore } from './display-page-store.ts';
import { IdentityStore } from './identity-store.ts';
import { ListStore, type RememberedTakedown } from './list-store.ts';
import { ManifestStore } from './manifest-store.ts';
import { migrate, MIGRATIONS, type Migration } from './migrations.ts';
import { PlayEventStore } from './play-event-store.ts';
import { EmergencyStore } from './emergency-store.ts';
import { ScreenGroupStore } from './screen-group-store.ts';

export const CACHE_FILE_NAME = 'player-cache.sqlite';

export interface ApplySyncInput {
  manifestVersion: number;
  signedManifestJson: string;
  listRevision: number;
  appliedAt: number;
  /** remembered takedowns the converged, verified sync contradicts; forgotten in the same transaction */
  contradictedTakedowns?: readonly RememberedTakedown[];
}

export interface PlayerCache {
  readonly db: Database.Database;
  readonly path: string;
  readonly identity: IdentityStore;
  readonly lists: ListStore;
  /** the display's entry sets as last built from the live entries */
  readonly displayPages: DisplayPageStore;
  readonly manifests: ManifestStore;
  readonly assets: AssetStore;
  readonly clock: ClockStore;
  /** proof-of-play events waiting for the controller's ack */
  readonly playEvents: PlayEventStore;
  /** emergency overrides in force, and the ids of ended ones */
  readonly emergencies: EmergencyStore;
  /** the screen's groups, for schedules */
  readonly screenGroups: ScreenGroupStore;
  /**
   * The atomic switch: staged list changes become live and the new manifest becomes current in
   * one SQLite transaction. If anything throws, live entries, revision and manifest are untouched.
   */
  applySync(input: ApplySyncInput): void;
  /** Bytes the cache uses on disk (database, WAL and assets), for heartbeats. */
  sizeBytes(): number;
  close(): void;
}

export function openPlayerCache(dataDir: string, options: { migrations?: readonly Migration[] } = {}): PlayerCache {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, CACHE_FILE_NAME);
  const db = new Database(path);
  try {
    // WAL: the display's reads never wait for a sync's write; NORMAL is durable across app
    // crashes, and a power cut loses at most the last transaction, which the next sync redoes.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }

  const identity = new IdentityStore(db);
  const lists = new ListStore(db);
  const displayPages = new DisplayPageStore(db);
  const manifests = new ManifestStore(db);
  const assets = new AssetStore(db, dataDir);
  const clock = new ClockStore(db);
  const playEvents = new PlayEventStore(db);
  const emergencies = new EmergencyStore(db);
  const screenGroups = new ScreenGroupStore(db);
  const applySync = db.transaction((input: ApplySyncInput) => {
    lists.applyStagingInTransaction(input.listRevision, input.appliedAt, input.contradictedTakedowns);
    manifests.replace({ version: input.manifestVersion, signedJson: input.signedManifestJson, appliedAt: input.appliedAt });
    // A successful sync is time the player has seen: the clock never goes back before it (clock.ts).
    clock.recordSeen(input.appliedAt);
  });

  const fileSize = (file: string): number => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };

  return {
    db,
    path,
    identity,
    lists,
    displayPages,
    manifests,
    assets,
    clock,
    playEvents,
    emergencies,
    screenGroups,
    applySync: (input) => applySync.immediate(input),
    sizeBytes: () => fileSize(path) + fileSize(`${path}-wal`) + assets.totalBytes(),
    close: () => {
      if (db.open) db.close();
    },
  };
}
