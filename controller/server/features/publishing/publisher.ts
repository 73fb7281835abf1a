// The single choke point between the store and the screens (invariant 1): reads approved
// records only, masks them, writes the public projection with a new revision, and signs a
// manifest that pins that revision and its digest. Publishes are serialised.
//
// A publish can be scoped to the entries that changed (a withdrawal, one change set, what
// expired): only those are re-masked and re-hashed, so a takedown in a 100,000-entry list does
// not wait for the whole list. 'all' recomputes everything (start-up, policy changes, nightly).

import type { Kysely } from 'kysely';
import { calendarDateAt } from '../../../../shared/dates/calendar-date.ts';
import { computeListDelta } from '../../../../shared/lists/list-delta.ts';
import { canonicalJson } from '../../../../shared/canonical-json.ts';
import { manifestSchema, type Manifest, type SignedManifest } from '../../../../shared/protocol/manifest.ts';
import { signPayload, type SigningKeyPair } from '../../../../shared/signing/manifest-signing.ts';
import type { Logger } from '../../logger.ts';
import type { Database } from '../../store/schema.ts';
import { approvedContent } from '../content/service.ts';
import { nodeEntryHash, nodeSha256Hex } from './node-hash.ts';
import { toPublicEntry, type HashedPublicEntry } from './public-entry.ts';
import { approvedEntriesValidOn, maskingPolicies, publicationState, publishedHashes, publishedRefs, writePublicationChanges, type PublishScope } from './store.ts';
import { applyPublishedChanges, publishedDigest, publishedRefsFrom, type PublishedRefs } from './published-refs.ts';
import { publishedProgrammeInputs } from '../programme/service.ts';
import { buildProgramme } from './programme.ts';
import { defaultTimeline, tickersOf, type TimelineSettings } from './timeline.ts';

export interface PublishResult {
  manifestVersion: number;
  listRevision: number;
  /** the list revision before this publish: screens there need exactly this publish's changes */
  previousListRevision: number;
  /** entries that left the screens in this publish (withdrawn, expired, rejected) */
  takedownIds: string[];
  changed: boolean;
}

export interface Publisher {
  publish(reason: string, scope?: PublishScope): Promise<PublishResult>;
  /** the newest signed manifest, shared by every caller: read it, never change it */
  latestManifest(): Promise<SignedManifest | null>;
  /** forget what is kept in memory and read the store again (after it was restored or edited by hand) */
  reloadFromStore(): void;
}

export type { PublishScope };

/** What the player's manifest schema would say of these parts; null when it accepts them. */
function playerRefusals(shown: Pick<Manifest, 'timeline' | 'tickers' | 'programme'>): string[] | null {
  const probe = { version: 1, issuedAt: 0, lists: { revision: 0, digest: '0'.repeat(64), count: 0 }, ...shown };
  const result = manifestSchema.safeParse(probe);
  return result.success ? null : result.error.issues.slice(0, 20).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function presentationOf(manifest: Manifest): Pick<Manifest, 'timeline' | 'tickers' | 'programme'> {
  const { timeline, tickers, programme } = manifest;
  return { timeline, ...(tickers ? { tickers } : {}), ...(programme ? { programme } : {}) };
}

export function createPublisher(deps: { db: Kysely<Database>; keyPair: SigningKeyPair; now: () => number; utcOffsetMinutes: number; timeline: TimelineSettings; logger: Logger }): Publisher {
  const { db, keyPair, utcOffsetMinutes } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  // This publisher is the only writer of manifests and publication rows (publishes are serialised
  // through `queue`), so what it last wrote is what the store holds. A screen fleet asks for the
  // manifest thousands of times per publish; it is read from the store once per process.
  let latest: SignedManifest | null | undefined;
  let refsCache: PublishedRefs | null = null;

  async function latestManifest(): Promise<SignedManifest | null> {
    if (latest !== undefined) return latest;
    const row = await db.selectFrom('manifests').select('signedJson').orderBy('version', 'desc').limit(1).executeTakeFirst();
    const read = row ? deepFreeze(JSON.parse(row.signedJson) as SignedManifest) : null;
    // A publish that committed while this read was out has already set the newer one.
    if (latest === undefined) latest = read;
    return read;
  }

  /** The refs after this publish: spliced from the kept ones when they are current, else read back. */
  async function refsAfter(trx: Kysely<Database>, previousRevision: number, revision: number, delta: { upserts: readonly HashedPublicEntry[]; tombstones: readonly string[] }): Promise<PublishedRefs> {
    // Kept refs are trusted only at the revision they were built for; a store changed behind this
    // publisher's back (a restore) calls reloadFromStore().
    const kept = refsCache?.revision === previousRevision ? refsCache : null;
    const spliced = kept === null ? null : revision === previousRevision ? kept : applyPublishedChanges(kept, revision, delta.upserts, delta.tombstones, nodeSha256Hex);
    return spliced ?? publishedRefsFrom(revision, await publishedRefs(trx), nodeSha256Hex);
  }

  async function publishableEntries(nowMs: number, scope: PublishScope): Promise<HashedPublicEntry[]> {
    const policyFor = await maskingPolicies(db);
    const rows = await approvedEntriesValidOn(db, calendarDateAt(nowMs, utcOffsetMinutes), scope);
    const next: HashedPublicEntry[] = [];
    const refused: Array<{ id: string; refusal: string }> = [];
    for (const row of rows) {
      const result = toPublicEntry(row, policyFor(row.category), nowMs, utcOffsetMinutes, nodeEntryHash);
      if (result.ok) next.push(result.value);
      else if (result.refusal !== 'expired') refused.push({ id: row.id, refusal: result.refusal });
    }
    if (refused.length > 0) deps.logger.warn({ refused: refused.slice(0, 50), count: refused.length }, 'approved entries refused at publication');
    return next;
  }

  /** What screens play, apart from the list data: the timeline, tickers and programme. */
  async function presentation(): Promise<Pick<Manifest, 'timeline' | 'tickers' | 'programme'>> {
    const content = await approvedContent(db);
    const timeline = defaultTimeline(deps.timeline, content);
    const tickers = tickersOf(content);
    const { playlists, schedules, defaultPlaylistId, unreadable } = await publishedProgrammeInputs(db);
    if (unreadable.length > 0) deps.logger.error({ unreadable }, 'approved programme rows no longer parse; left out');
    const { programme, leftOut } = buildProgramme({ timeline, tickers, content, playlists, schedules, defaultPlaylistId });
    if (leftOut.length > 0) deps.logger.warn({ leftOut: leftOut.slice(0, 50), count: leftOut.length }, 'approved programme parts left out of the manifest');
    const shown = { timeline, ...(tickers.length > 0 ? { tickers } : {}), ...(programme ? { programme } : {}) };
    // Never sign what screens would refuse: they would stay on the old manifest, retired content included.
    const problems = playerRefusals(shown);
    if (problems === null) return shown;
    deps.logger.error({ problems }, 'the programme would make a manifest screens refuse; publishing without it');
    const withoutProgramme = { timeline, ...(tickers.length > 0 ? { tickers } : {}) };
    const remaining = playerRefusals(withoutProgramme);
    if (remaining !== null) throw new Error(`refusing to sign a manifest screens would refuse: ${remaining.join('; ')}`);
    return withoutProgramme;
  }

  async function publishNow(reason: string, scope: PublishScope): Promise<PublishResult> {
    const nowMs = deps.now();
    const next = await publishableEntries(nowMs, scope);
    const delta = computeListDelta(await publishedHashes(db, scope), next);
    const shown = await presentation();
    const previous = await latestManifest();
    const listsChanged = delta.upserts.length > 0 || delta.tombstones.length > 0;
    const timelineChanged = previous === null || canonicalJson(presentationOf(previous.payload)) !== canonicalJson(shown);
    const state = await publicationState(db);
    if (!listsChanged && !timelineChanged) {
      // A restart publishes everything and usually finds nothing new: the refs are read here, at
      // start-up, rather than by the first real publish, which a returning fleet would wait on.
      if (refsCache?.revision !== state.revision) refsCache = publishedRefsFrom(state.revision, await publishedRefs(db), nodeSha256Hex);
      return { manifestVersion: state.manifestVersion, listRevision: state.revision, previousListRevision: state.revision, takedownIds: [], changed: false };
    }
    const revision = listsChanged ? state.revision + 1 : state.revision;
    const manifestVersion = state.manifestVersion + 1;
    const committed = await db.transaction().execute(async (trx) => {
      if (listsChanged) await writePublicationChanges(trx, revision, delta.upserts, delta.tombstones);
      // The digest covers the whole published list as it stands inside the transaction.
      const refs = await refsAfter(trx, state.revision, revision, delta);
      const manifest: Manifest = { version: manifestVersion, issuedAt: nowMs, lists: { revision, digest: publishedDigest(refs, nodeSha256Hex), count: refs.count }, ...shown };
      const signed = signPayload(manifest, keyPair);
      const signedJson = JSON.stringify(signed);
      await trx.insertInto('manifests').values({ version: manifestVersion, listRevision: revision, signedJson, createdAt: nowMs }).execute();
      await trx.updateTable('publicationState').set({ revision, manifestVersion }).where('id', '=', 1).execute();
      // Through JSON as a reader from the store would get it, so the kept copy holds no stray references.
      return { refs, signed: deepFreeze(JSON.parse(signedJson) as SignedManifest) };
    });
    refsCache = committed.refs;
    latest = committed.signed;
    deps.logger.info({ reason, manifestVersion, revision, upserts: delta.upserts.length, tombstones: delta.tombstones.length }, 'published');
    return { manifestVersion, listRevision: revision, previousListRevision: state.revision, takedownIds: delta.tombstones, changed: true };
  }

  return {
    latestManifest,
    reloadFromStore() {
      latest = undefined;
      refsCache = null;
    },
    publish(reason, scope = 'all') {
      const run = queue.then(() => publishNow(reason, scope));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
