// What screens ask after a publish or a reconnect, read from the store once per list revision: a
// fleet on the same revision asks the same questions (changes since R, withdrawals missed since R)
// and gets one shared answer, and a small publish is pushed with its announcement.

import type { Kysely } from 'kysely';
import type { ListChangesPage, SyncPush } from '../../../../shared/protocol/messages.ts';
import type { Database } from '../../store/schema.ts';
import type { SignedManifest } from '../../../../shared/protocol/manifest.ts';
import type { Publisher, PublishResult } from '../publishing/publisher.ts';
import { listChangesPage, tombstonesSince } from '../publishing/store.ts';

/** A publish of at most this many changed entries goes out with its announcement (≈ 300 bytes each). */
export const MAX_PUSHED_CHANGES = 200;
/** Distinct questions remembered per revision. */
const MAX_REMEMBERED = 64;
/**
 * Pages larger than a push are shared only while being read: a full pull of 100,000 entries is 50
 * pages of 2,000, and kept they held tens of megabytes until the next publish.
 */
const MAX_REMEMBERED_PAGE_ENTRIES = MAX_PUSHED_CHANGES;
/** The protocol's bound on one takedown message; a screen missing more re-pulls its list. */
export const MAX_TAKEDOWN_IDS = 100_000;

export interface SyncAnswers {
  changesPage(sinceRevision: number, cursor: string | null, limit: number): Promise<ListChangesPage>;
  missedTakedowns(sinceRevision: number): Promise<{ revision: number; ids: string[] }>;
  /** what a screen one publish behind needs, when small enough to push; null otherwise */
  pushFor(result: PublishResult): Promise<SyncPush | null>;
  /** what a screen at this list revision needs to reach the published manifest, when small enough to push */
  pushSince(sinceRevision: number): Promise<SyncPush | null>;
  /** the store changed (a publish): every remembered answer is stale */
  forget(): void;
}

/** Shares one read among everyone asking the same question; a failed read is not remembered. */
class SharedReads<T> {
  private readonly reads = new Map<string, Promise<T>>();

  /** `keep` says whether a finished read is remembered; either way, concurrent askers share it. */
  get(key: string, read: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    const known = this.reads.get(key);
    if (known) return known;
    const started = read();
    this.reads.set(key, started);
    const forget = () => {
      if (this.reads.get(key) === started) this.reads.delete(key);
    };
    started.then((value) => (keep(value) ? undefined : forget()), forget);
    // Oldest first out: Map iteration follows insertion.
    if (this.reads.size > MAX_REMEMBERED) this.reads.delete(this.reads.keys().next().value as string);
    return started;
  }

  clear(): void {
    this.reads.clear();
  }
}

export function createSyncAnswers(deps: { db: Kysely<Database>; publisher: Publisher }): SyncAnswers {
  const pages = new SharedReads<ListChangesPage>();
  const takedowns = new SharedReads<{ revision: number; ids: string[] }>();

  // Keyed by the revision published now as well: an answer read before a publish is never served
  // after it, even in the moment before forget() runs.
  const publishedRevision = async () => (await deps.publisher.latestManifest())?.payload.lists.revision ?? 0;

  async function changesPage(sinceRevision: number, cursor: string | null, limit: number): Promise<ListChangesPage> {
    const key = `${await publishedRevision()}|${sinceRevision}|${limit}|${cursor ?? ''}`;
    return pages.get(
      key,
      () => listChangesPage(deps.db, sinceRevision, cursor, limit),
      (page) => page.upserts.length + page.tombstones.length <= MAX_REMEMBERED_PAGE_ENTRIES,
    );
  }

  /** What a screen at this list revision needs to reach the published manifest, when small enough to push. */
  async function pushSince(sinceRevision: number): Promise<SyncPush | null> {
    const manifest = await deps.publisher.latestManifest();
    if (!manifest || sinceRevision > manifest.payload.lists.revision) return null;
    const changes = await changesPage(sinceRevision, null, MAX_PUSHED_CHANGES);
    if (changes.cursor !== null || changes.revision !== manifest.payload.lists.revision) return null;
    // A publish went out while the page was read: the screen hears of it and pulls.
    if ((await deps.publisher.latestManifest()) !== manifest) return null;
    return { sinceRevision, changes, manifest };
  }

  return {
    changesPage,
    pushSince,
    async pushFor(result) {
      if (!result.changed) return null;
      const push = await pushSince(result.previousListRevision);
      // A newer publish went out meanwhile; its own announcement carries its push.
      return (push?.manifest as SignedManifest | undefined)?.payload.version === result.manifestVersion ? push : null;
    },
    async missedTakedowns(sinceRevision) {
      const key = `${await publishedRevision()}|${sinceRevision}`;
      return takedowns.get(key, () => tombstonesSince(deps.db, sinceRevision, MAX_TAKEDOWN_IDS));
    },
    forget() {
      pages.clear();
      takedowns.clear();
    },
  };
}
