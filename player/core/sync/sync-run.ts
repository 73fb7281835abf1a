// One sync: pull list changes into staging, verify the signed manifest and the list digest,
// fetch assets, and only then switch atomically. Any failure keeps the current content.

import type { Logger } from 'pino';
import { listChangesPageSchema, type ListChangesRequest, type PlayerErrorReport, type SyncApplied } from '../../../shared/protocol/messages.ts';
import type { Manifest } from '../../../shared/protocol/manifest.ts';
import type { PlayerCache } from '../cache/player-cache.ts';
import type { StagingMode } from '../cache/list-store.ts';
import type { SlideLibrary } from '../cache/slide-library.ts';
import { errorMessage, isPlayerError } from '../errors.ts';
import type { DownloadAsset } from './asset-fetcher.ts';
import { findUnmaskedData } from '../../../shared/masking/unmasked-data.ts';
import { checkSignedManifest, combinedListDigest, decideRevision, slideAssetsOf } from './sync-decisions.ts';

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
  link: ControllerLink;
  downloadAsset: DownloadAsset;
  pinnedPublicKey: string;
  now: () => number;
  logger: Logger;
  /** called right after the atomic switch, before the controller is told */
  onApplied?: (applied: SyncApplied) => void;
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

/** Pulls every page since `sinceRevision` into staging; returns the revision reached. */
async function pullChanges(deps: SyncDeps, sinceRevision: number): Promise<number> {
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES_PER_PULL; page++) {
    const raw = await deps.link.listChanges({ sinceRevision, cursor, limit: CHANGES_PAGE_LIMIT });
    const parsed = listChangesPageSchema.safeParse(raw);
    if (!parsed.success) throw new SyncFailure('sync-failed', `malformed list changes page: ${parsed.error.message.slice(0, 300)}`);
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

/** Steps (a)–(c): staging plus a verified manifest that describes the same revision. */
async function pullUntilConverged(deps: SyncDeps, mode: StagingMode): Promise<Prepared | null> {
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
      maxTakedownRevision: cache.lists.maxTakedownRevision(),
    });
    const lastRound = round === MAX_CONVERGENCE_ROUNDS;
    if (decision === 'converged' || (decision === 'stale-after-takedown' && lastRound)) {
      return { manifest: check.manifest, signedJson: check.signedJson, reachedRevision };
    }
    logger.debug({ round, decision, manifestRevision: check.manifest.lists.revision, reachedRevision }, 'manifest and lists not converged yet');
  }
  throw new SyncFailure('sync-failed', `list revision did not converge with the manifest after ${MAX_CONVERGENCE_ROUNDS} rounds`);
}

/** Step (e): every slide cached, hash-verified and parsed before the switch. */
async function ensureSlides(deps: SyncDeps, manifest: Manifest): Promise<void> {
  for (const asset of slideAssetsOf(manifest)) {
    if (await deps.slides.load(asset.sha256)) continue;
    try {
      await deps.downloadAsset(asset);
    } catch (error) {
      const code = isPlayerError(error, 'asset-hash-mismatch') || isPlayerError(error, 'asset-size-mismatch') ? 'asset-hash-mismatch' : 'sync-failed';
      throw new SyncFailure(code, `asset ${asset.sha256}: ${errorMessage(error)}`, manifest.version);
    }
    if (!(await deps.slides.load(asset.sha256))) {
      throw new SyncFailure('sync-failed', `asset ${asset.sha256} is not a valid slide document`, manifest.version);
    }
  }
}

export async function runSync(deps: SyncDeps): Promise<SyncOutcome> {
  const { cache, logger } = deps;
  try {
    // A delta that does not reproduce the digest (say, a cache damaged on disk) gets one full re-pull.
    for (const mode of ['delta', 'full'] as const) {
      const prepared = await pullUntilConverged(deps, mode);
      if (!prepared) {
        cache.lists.discardStaging();
        return { kind: 'no-manifest' };
      }
      const { manifest } = prepared;
      const combined = combinedListDigest(cache.lists.liveEntries(), cache.lists.stagedChanges(), mode);
      if (combined.digest !== manifest.lists.digest) {
        if (cache.lists.maxTakedownRevision() > manifest.lists.revision) {
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
      await ensureSlides(deps, manifest);
      const applied = { manifestVersion: manifest.version, listRevision: prepared.reachedRevision };
      cache.applySync({ ...applied, signedManifestJson: prepared.signedJson, appliedAt: deps.now() });
      const keep = new Set(slideAssetsOf(manifest).map((a) => a.sha256));
      deps.slides.retainOnly(keep);
      deps.onApplied?.(applied);
      logger.info(applied, 'switched to new manifest');
      await cache.assets.retainOnly(keep).catch((error: unknown) => logger.warn({ err: error }, 'asset clean-up failed'));
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
