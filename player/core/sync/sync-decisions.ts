// The sync client's decisions, as pure functions: back-off, manifest acceptance, digest, convergence, takedowns.

import { listDigest, type EntryHashRef } from '../../../shared/lists/list-digest.ts';
import { sha256Hex } from '../../../shared/signing/hashing.ts';
import { signedManifestSchema, type Manifest, type SignedManifest } from '../../../shared/protocol/manifest.ts';
import { keyIdOf, verifySigned } from '../../../shared/signing/manifest-signing.ts';
import type { StagedRef, StagingMode } from '../cache/list-store.ts';
import type { SyncOutcome } from './sync-run.ts';

/**
 * First retry after about a second; never more than 15 s apart. The cap bounds how long a fleet
 * takes to return once the controller is back (every screen tries within one cap, spread evenly by
 * the jitter), while an attempt against a controller that is down costs one refused connection.
 * With a one-minute cap, 10,000 screens took over two minutes to return after a 10-second restart.
 */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 15_000;

/**
 * "Full jitter" exponential back-off: a uniform delay in [0, min(cap, base·2^attempt)). Spreading
 * reconnects uniformly is what stops a thousand screens returning together after an outage.
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.floor(random() * ceiling);
}

/**
 * Retrying a failed or deferred sync: the first retry within 2 s (most failures are a race with a
 * publish, or a dropped download), then backing off to at most 5 min, so a manifest that cannot be
 * applied (a missing asset, a refused entry) costs a fleet one attempt per screen every few minutes,
 * not a storm. Same full jitter as reconnects.
 */
export const SYNC_RETRY_BASE_MS = 2_000;
export const SYNC_RETRY_CAP_MS = 300_000;

/** Which sync outcomes call for a retry by timer; the others wait for the next event. */
export function syncRetryAction(outcome: SyncOutcome['kind']): 'retry' | 'reset' | 'none' {
  if (outcome === 'failed' || outcome === 'deferred') return 'retry';
  // Up to date, or nothing published yet ('manifest:available' will say when there is).
  if (outcome === 'applied' || outcome === 'no-manifest') return 'reset';
  // Not connected or not paired: the reconnect or the pairing starts the next sync.
  return 'none';
}

/**
 * How far a takedown's revision may run ahead of what the player knows. The controller announces
 * every publish, a takedown right before its 'manifest:available', so a genuine one is a revision or
 * two ahead; this allows for a screen that was offline through a great many publishes.
 */
export const MAX_TAKEDOWN_REVISION_LEAD = 10_000;

/**
 * The revision to remember a takedown at. The withdrawal itself is always applied (removing is
 * safe); only the revision is in question, because a remembered takedown newer than the manifest
 * defers syncs until a manifest catches up with it. An implausible one (2^53, negative, not an
 * integer, far ahead of `knownRevision`) is remembered as "the next revision after what we know".
 */
export function plausibleTakedownRevision(offered: unknown, knownRevision: number): number {
  const next = knownRevision + 1;
  if (typeof offered !== 'number' || !Number.isSafeInteger(offered) || offered < 0) return next;
  return offered - knownRevision > MAX_TAKEDOWN_REVISION_LEAD ? next : offered;
}

export type ManifestCheck =
  | { ok: true; signed: SignedManifest; manifest: Manifest; signedJson: string }
  | { ok: false; code: 'manifest-signature-invalid' | 'sync-failed'; message: string };

/**
 * Accepts a manifest only if it has the manifest's shape and its signature verifies against the
 * key pinned at pairing. The signature is checked over the payload exactly as received, because
 * parsing drops unknown keys and would change the signed bytes.
 */
export function checkSignedManifest(raw: unknown, pinnedPublicKey: string): ManifestCheck {
  const parsed = signedManifestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'sync-failed', message: `malformed manifest: ${parsed.error.message.slice(0, 300)}` };
  const rawPayload = (raw as { payload: unknown }).payload;
  const valid = verifySigned({ payload: rawPayload, signature: parsed.data.signature, keyId: parsed.data.keyId }, pinnedPublicKey);
  if (!valid) {
    const pinnedKeyId = keyIdOf(pinnedPublicKey);
    return {
      ok: false,
      code: 'manifest-signature-invalid',
      message: `manifest v${parsed.data.payload.version} signature does not verify with the pinned key ${pinnedKeyId} (signed by ${parsed.data.keyId})`,
    };
  }
  return { ok: true, signed: parsed.data, manifest: parsed.data.payload, signedJson: JSON.stringify(raw) };
}

/**
 * The digest of what live entries would be after applying the staged changes, from the hashes of
 * the bodies as stored (see ListStore.liveRefs): a hash that came over the wire is never trusted.
 */
export function combinedListDigest(live: readonly EntryHashRef[], staged: readonly StagedRef[], mode: StagingMode, hash: (text: string) => string = sha256Hex): { digest: string; count: number } {
  const byId = new Map<string, string>();
  if (mode === 'delta') for (const ref of live) byId.set(ref.id, ref.hash);
  for (const change of staged) if (change.op === 'tombstone') byId.delete(change.id);
  for (const change of staged) if (change.op === 'upsert') byId.set(change.id, change.hash);
  const refs = [...byId].map(([id, entryHash]) => ({ id, hash: entryHash }));
  return { digest: listDigest(refs, hash), count: refs.length };
}

export type RevisionDecision = 'converged' | 'pull-again' | 'stale-after-takedown';

/**
 * Whether pulled list data and the manifest describe the same revision. A takedown newer than the
 * manifest means a newer manifest is on its way, so this one is worth fetching again.
 */
export function decideRevision(input: { manifestRevision: number; reachedRevision: number; maxTakedownRevision: number }): RevisionDecision {
  if (input.manifestRevision !== input.reachedRevision) return 'pull-again';
  if (input.maxTakedownRevision > input.manifestRevision) return 'stale-after-takedown';
  return 'converged';
}

/** The assets of the timeline items of the given kinds, each once. */
function assetsOfKinds(manifest: Manifest, kinds: readonly Manifest['timeline'][number]['kind'][]): { sha256: string; bytes: number }[] {
  const seen = new Map<string, number>();
  for (const item of manifest.timeline) if (item.kind !== 'list' && kinds.includes(item.kind)) seen.set(item.asset.sha256, item.asset.bytes);
  return [...seen].map(([sha256, bytes]) => ({ sha256, bytes }));
}

/** Images and videos of the timeline, each once. */
export function mediaAssetsOf(manifest: Manifest): { sha256: string; bytes: number }[] {
  return assetsOfKinds(manifest, ['image', 'video']);
}

export function slideAssetsOf(manifest: Manifest): { sha256: string; bytes: number }[] {
  return assetsOfKinds(manifest, ['slide']);
}
