// One sync: pull list changes into staging, verify the signed manifest and the list digest,
// fetch assets, and only then switch atomically. Any failure keeps the current content, except
// withdrawals: pulled tombstones leave the screen at once, whatever becomes of the sync.

import type { Logger } from 'pino';
import { listChangesPageSchema, type ListChangesRequest, type PlayerErrorReport, type SyncApplied } from '../../../shared/protocol/messages.ts';
import type { Manifest } from '../../../shared/protocol/manifest.ts';
import type { PlayerCache } from '../cache/player-cache.ts';
import type { RememberedTakedown, StagingMode } from '../cache/list-store.ts';
import type { MediaLibrary } from '../cache/media-library.ts';
import type { SlideLibrary } from '../cache/slide-library.ts';
import { errorMessage, isPlayerError } from '../errors.ts';
import type { DownloadAsset } from './asset-fetcher.ts';
import { findUnmaskedData } from '../../../shared/masking/unmasked-data.ts';
import { planEvictions } from '../cache/asset-budget.ts';
import { nodeSha256Hex } from './node-sha256.ts';
import { checkSignedManifest, combinedListDigest, decideRevision, mediaAssetsOf, slideAssetsOf } from './sync-decisions.ts';

/** The controller side of a sync; the socket implements it, tests fake it. Values are unparsed. */
export interface ControllerLink {
  listChanges(request: ListChangesRequest): Promise<unknown>;
  getManifest(): Promise<unknown>;
  reportApplied(payload: SyncApplied): Promise<void>;
  reportError(report: PlayerErrorReport): void;
}

export interface SyncDeps {
  cache: PlayerCache;
  slides: SlideLibrary;
  media: MediaLibrary;
  /** disk the cached assets may take; older assets no manifest needs are evicted to stay under it */
  assetBudgetBytes: number;
  link: ControllerLink;
  downloadAsset: DownloadAsset;
  pinnedPublicKey: string;
  now: () => number;
  logger: Logger;
  /** called right after the atomic switch, before the controller is told */
  onApplied?: (applied: SyncApplied) => void;
  /** called when pulled tombstones removed live entries, before (and whether or not) the switch happens */
  onLiveEntriesRemoved?: (ids: readonly string[], removedFromLive: number) => void;
  /** skip the delta and re-pull every entry (a technician's clear-cache); still staged and switched atomically */
  forceFull?: boolean;
}

export type SyncOutcome =
  | { kind: 'applied'; manifestVersion: number; listRevision: number }
  | { kind: 'no-manifest' }
  | { kind: 'skipped'; reason: string }
  /** the manifest predates a takedown already applied; the controller's next manifest will match */
  | { kind: 'deferred'; reason: string }
  | { kind: 'failed'; code: PlayerErrorReport['code']; message: string };

export const CHANGES_PAGE_LIMIT = 2_000;
/** Rounds of "pull, fetch manifest" before giving up when the controller keeps publishing. */
export const MAX_CONVERGENCE_ROUNDS = 5;
/** 10 000 pages of 2 000 is far beyond any city's lists; the bound stops a cursor that never ends. */
const MAX_PAGES_PER_PULL = 10_000;

class SyncFailure extends Error {
  readonly code: PlayerErrorReport['code'];
  readonly manifestVersion: number | null;
  constructor(code: PlayerErrorReport['code'], message: string, manifestVersion: number | null = null) {
    super(message);
    this.code = code;
    this.manifestVersion = manifestVersion;
  }
}

/**
 * Invariant 3: a withdrawal must not wait behind a sync that may yet fail (a refused entry, a missing
 * slide, a digest mismatch), or a screen that was offline when the takedown was pushed would keep
 * showing the entry. Removing is always safe; the revision is not advanced, so the next sync pulls
 * the same tombstones again and its digest still adds up. An id the same page upserts is left to
 * the switch, as stagePage orders them.
 */
function removeTombstonedFromLive(deps: SyncDeps, page: { tombstones: readonly string[]; upserts: readonly { id: string }[] }): void {
  if (page.tombstones.length === 0) return;
  const upserted = new Set(page.upserts.map((e) => e.id));
  const ids = page.tombstones.filter((id) => !upserted.has(id));
  const removed = deps.cache.lists.removeLive(ids);
  if (removed === 0) return;
  deps.logger.info({ tombstones: ids.length, removed }, 'pulled withdrawals removed from the screen ahead of the switch');
  deps.onLiveEntriesRemoved?.(ids, removed);
}

/** Pulls every page since `sinceRevision` into staging; returns the revision reached. */
async function pullChanges(deps: SyncDeps, sinceRevision: number): Promise<number> {
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES_PER_PULL; page++) {
    const raw = await deps.link.listChanges({ sinceRevision, cursor, limit: CHANGES_PAGE_LIMIT });
    const parsed = listChangesPageSchema.safeParse(raw);
    if (!parsed.success) throw new SyncFailure('sync-failed', `malformed list changes page: ${parsed.error.message.slice(0, 300)}`);
    // Before the masking check: a page refused for its upserts still withdraws what it withdraws.
    removeTombstonedFromLive(deps, parsed.data);
    const findings = findUnmaskedData(parsed.data.upserts);
    if (findings.length > 0) {
      const sample = findings.slice(0, 5).map((f) => `${f.id}.${f.field} (${f.reason})`).join(', ');
      throw new SyncFailure('unmasked-data-refused', `refused ${findings.length} unmasked field(s): ${sample}`);
    }
    deps.cache.lists.stagePage(parsed.data);
    if (parsed.data.cursor === null) return parsed.data.revision;
    cursor = parsed.data.cursor;
  }
  throw new SyncFailure('sync-failed', 'list changes cursor never ended');
}

type Prepared = { manifest: Manifest; signedJson: string; reachedRevision: number };

/**
 * Remembered takedowns as they stood when the sync began. One that arrives (or is renewed) during
 * the sync may be a genuine race with a publish; one from before cannot be: a pull that starts after
 * a real takedown reaches its revision, so a converged manifest older than it contradicts it.
 */
type TakedownSnapshot = ReadonlyMap<string, RememberedTakedown>;

function takedownSnapshot(deps: SyncDeps): TakedownSnapshot {
  return new Map(deps.cache.lists.rememberedTakedowns().map((t) => [t.id, t]));
}

/** The newest revision among takedowns that arrived since the snapshot; 0 when none did. */
function maxTakedownRevisionSince(deps: SyncDeps, before: TakedownSnapshot): number {
  let max = 0;
  for (const t of deps.cache.lists.rememberedTakedowns()) {
    const known = before.get(t.id);
    const arrivedSince = !known || known.revision !== t.revision || known.receivedAt !== t.receivedAt;
    if (arrivedSince && t.revision > max) max = t.revision;
  }
  return max;
}

/** Steps (a)–(c): staging plus a verified manifest that describes the same revision. */
async function pullUntilConverged(deps: SyncDeps, mode: StagingMode, takedownsBefore: TakedownSnapshot): Promise<Prepared | null> {
  const { cache, logger } = deps;
  let since = mode === 'full' ? 0 : cache.lists.revision();
  cache.lists.beginStaging(mode, since);
  for (let round = 1; round <= MAX_CONVERGENCE_ROUNDS; round++) {
    const reachedRevision = await pullChanges(deps, since);
    since = reachedRevision;
    const raw = await deps.link.getManifest();
    if (raw === null || raw === undefined) return null;
    const check = checkSignedManifest(raw, deps.pinnedPublicKey);
    if (!check.ok) throw new SyncFailure(check.code, check.message);
    const current = cache.manifests.current();
    if (current && check.manifest.version < current.version) {
      // A replayed older manifest could bring back withdrawn content; only a newer one may replace ours.
      throw new SyncFailure('sync-failed', `manifest v${check.manifest.version} is older than the applied v${current.version}`, check.manifest.version);
    }
    const decision = decideRevision({
      manifestRevision: check.manifest.lists.revision,
      reachedRevision,
      maxTakedownRevision: maxTakedownRevisionSince(deps, takedownsBefore),
    });
    const lastRound = round === MAX_CONVERGENCE_ROUNDS;
    if (decision === 'converged' || (decision === 'stale-after-takedown' && lastRound)) {
      return { manifest: check.manifest, signedJson: check.signedJson, reachedRevision };
    }
    logger.debug({ round, decision, manifestRevision: check.manifest.lists.revision, reachedRevision }, 'manifest and lists not converged yet');
  }
  throw new SyncFailure('sync-failed', `list revision did not converge with the manifest after ${MAX_CONVERGENCE_ROUNDS} rounds`);
}

async function download(deps: SyncDeps, manifest: Manifest, asset: { sha256: string; bytes: number }): Promise<void> {
  try {
    await deps.downloadAsset(asset);
  } catch (error) {
    const code = isPlayerError(error, 'asset-hash-mismatch') || isPlayerError(error, 'asset-size-mismatch') ? 'asset-hash-mismatch' : 'sync-failed';
    throw new SyncFailure(code, `asset ${asset.sha256}: ${errorMessage(error)}`, manifest.version);
  }
}

const assetsOf = (manifest: Manifest): { sha256: string; bytes: number }[] => [...slideAssetsOf(manifest), ...mediaAssetsOf(manifest)];

/**
 * Makes room for what the new manifest lacks before downloading it, evicting least recently used
 * assets that neither the current nor the new manifest needs. When that is not enough, assets only
 * the current manifest needs may go too (until the switch the screen shows what is left of it, and
 * the lists): refusing the manifest would hold back list updates and retirements along with it.
 * Only a manifest that alone exceeds the budget is refused, and the screen keeps what it has.
 */
async function makeRoom(deps: SyncDeps, manifest: Manifest): Promise<void> {
  const { assets } = deps.cache;
  const missing = assetsOf(manifest).filter((a) => !assets.isIndexed(a.sha256));
  if (missing.length === 0) return;
  const current = deps.cache.manifests.current();
  const nextAssets = new Set(assetsOf(manifest).map((a) => a.sha256));
  const bothAssets = new Set(nextAssets);
  if (current) {
    const parsed = checkSignedManifest(JSON.parse(current.signedJson) as unknown, deps.pinnedPublicKey);
    if (parsed.ok) for (const a of assetsOf(parsed.manifest)) bothAssets.add(a.sha256);
  }
  const incoming = missing.reduce((sum, a) => sum + a.bytes, 0);
  const cached = await assets.cachedAssets();
  let plan = planEvictions(cached, bothAssets, incoming, deps.assetBudgetBytes);
  if (!plan.fits) plan = planEvictions(cached, nextAssets, incoming, deps.assetBudgetBytes);
  if (!plan.fits) {
    throw new SyncFailure(
      'asset-budget-exceeded',
      `manifest v${manifest.version} needs ${plan.bytesAfter} bytes of assets, over the ${deps.assetBudgetBytes}-byte budget`,
      manifest.version,
    );
  }
  for (const sha256 of plan.evict) {
    await assets.remove(sha256);
    deps.media.forget(sha256);
    deps.slides.forget(sha256);
  }
  if (plan.evict.length > 0) deps.logger.info({ evicted: plan.evict.length, bytesAfter: plan.bytesAfter }, 'evicted least recently used assets to stay within the disk budget');
}

/** Step (e), invariant 6: every slide, image and video cached and hash-verified (slides parsed too) before the switch. */
async function ensureAssets(deps: SyncDeps, manifest: Manifest): Promise<void> {
  await makeRoom(deps, manifest);
  for (const asset of slideAssetsOf(manifest)) {
    if (await deps.slides.load(asset.sha256)) continue;
    await download(deps, manifest, asset);
    if (!(await deps.slides.load(asset.sha256))) {
      throw new SyncFailure('sync-failed', `asset ${asset.sha256} is not a valid slide document`, manifest.version);
    }
  }
  for (const asset of mediaAssetsOf(manifest)) {
    if (await deps.media.load(asset.sha256)) continue;
    await download(deps, manifest, asset);
    if (!(await deps.media.load(asset.sha256))) throw new SyncFailure('asset-hash-mismatch', `asset ${asset.sha256} failed its hash check after download`, manifest.version);
  }
}

export async function runSync(deps: SyncDeps): Promise<SyncOutcome> {
  const { cache, logger } = deps;
  const takedownsBefore = takedownSnapshot(deps);
  try {
    // A delta that does not reproduce the digest (say, a cache damaged on disk, or an entry held
    // back by a takedown the controller contradicts) gets one full re-pull.
    const modes: readonly StagingMode[] = deps.forceFull ? ['full'] : ['delta', 'full'];
    for (const mode of modes) {
      const prepared = await pullUntilConverged(deps, mode, takedownsBefore);
      if (!prepared) {
        cache.lists.discardStaging();
        return { kind: 'no-manifest' };
      }
      const { manifest } = prepared;
      // Node's SHA-256 over the stored bodies: the whole list is re-hashed at every sync.
      const combined = combinedListDigest(cache.lists.liveRefs(nodeSha256Hex), cache.lists.stagedRefs(nodeSha256Hex), mode, nodeSha256Hex);
      if (combined.digest !== manifest.lists.digest) {
        if (maxTakedownRevisionSince(deps, takedownsBefore) > manifest.lists.revision) {
          // Expected, not an error: the withdrawn entries are still in this older manifest's digest.
          cache.lists.discardStaging();
          logger.info({ manifestVersion: manifest.version }, 'manifest predates a takedown; waiting for the next one');
          return { kind: 'deferred', reason: `manifest v${manifest.version} predates a takedown` };
        }
        const message = `list digest mismatch at revision ${prepared.reachedRevision}: ${combined.count} entries locally, manifest says ${manifest.lists.count}`;
        if (mode === 'delta') {
          logger.warn({ manifestVersion: manifest.version }, `${message}; pulling the full list`);
          continue;
        }
        throw new SyncFailure('manifest-digest-mismatch', message, manifest.version);
      }
      await ensureAssets(deps, manifest);
      // Converged and verified: the controller's own list stands at this revision, so takedowns from
      // before this sync that claim a newer one are wrong (a forged or corrupt revision, a controller
      // restored from a backup). Kept, they would hold entries back and defer every later sync.
      const contradicted = [...takedownsBefore.values()].filter((t) => t.revision > manifest.lists.revision);
      if (contradicted.length > 0) {
        logger.warn(
          { manifestVersion: manifest.version, listRevision: manifest.lists.revision, takedowns: contradicted.length, newest: contradicted.reduce((max, t) => Math.max(max, t.revision), 0) },
          'forgetting remembered takedowns that the converged manifest contradicts',
        );
      }
      const applied = { manifestVersion: manifest.version, listRevision: prepared.reachedRevision };
      cache.applySync({ ...applied, signedManifestJson: prepared.signedJson, appliedAt: deps.now(), contradictedTakedowns: contradicted });
      const keep = new Set(assetsOf(manifest).map((a) => a.sha256));
      deps.slides.retainOnly(keep);
      deps.media.retainOnly(keep);
      deps.onApplied?.(applied);
      logger.info(applied, 'switched to new manifest');
      // Assets of earlier manifests stay cached, within the budget, for a schedule that brings them back.
      await cache.assets.markUsed(keep, deps.now()).catch((error: unknown) => logger.warn({ err: error }, 'marking assets used failed'));
      await cache.assets.removePartialsExcept(keep).catch((error: unknown) => logger.warn({ err: error }, 'partial download clean-up failed'));
      await deps.link.reportApplied(applied).catch((error: unknown) => logger.warn({ err: error }, 'sync:applied not acknowledged'));
      return { kind: 'applied', ...applied };
    }
    throw new SyncFailure('sync-failed', 'unreachable');
  } catch (error) {
    const failure = error instanceof SyncFailure ? error : new SyncFailure('sync-failed', errorMessage(error));
    cache.lists.discardStaging();
    logger.warn({ code: failure.code, manifestVersion: failure.manifestVersion }, `sync failed, keeping current content: ${failure.message}`);
    deps.link.reportError({ code: failure.code, message: failure.message.slice(0, 1000), manifestVersion: failure.manifestVersion });
    return { kind: 'failed', code: failure.code, message: failure.message };
  }
}
