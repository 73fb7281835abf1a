// Unit tests for the sync client's pure decisions: back-off, manifest checks, digests, convergence.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from '../../../shared/canonical-json.ts';
import { signPayload } from '../../../shared/signing/manifest-signing.ts';
import {
  BACKOFF_CAP_MS,
  backoffDelayMs,
  checkSignedManifest,
  combinedListDigest,
  decideRevision,
  MAX_TAKEDOWN_REVISION_LEAD,
  plausibleTakedownRevision,
  slideAssetsOf,
  SYNC_RETRY_BASE_MS,
  SYNC_RETRY_CAP_MS,
  syncRetryAction,
} from '../../../player/core/sync/sync-decisions.ts';
import { publicEntryHash } from '../../../shared/lists/list-digest.ts';
import type { PublicEntry } from '../../../shared/lists/list-entry.ts';
import { controllerKeys, digestOf, makeEntry, makeManifest, sign } from './fixtures.ts';

describe('reconnect back-off', () => {
  it('grows from 1 s and never exceeds 15 s', () => {
    assert.equal(backoffDelayMs(0, () => 0.999_999), 999);
    assert.equal(backoffDelayMs(3, () => 0.999_999), 7_999);
    assert.equal(BACKOFF_CAP_MS, 15_000);
    assert.equal(backoffDelayMs(20, () => 0.999_999), BACKOFF_CAP_MS - 1);
    assert.equal(backoffDelayMs(10_000, () => 0.999_999), BACKOFF_CAP_MS - 1);
  });

  it('uses full jitter: anywhere from 0 up to the ceiling', () => {
    assert.equal(backoffDelayMs(5, () => 0), 0);
    assert.equal(backoffDelayMs(3, () => 0.5), 4_000);
    assert.equal(backoffDelayMs(5, () => 0.5), 7_500);
  });
});

describe('sync retry', () => {
  it('retries failed and deferred syncs, from 2 s up to 5 min, with full jitter', () => {
    assert.equal(syncRetryAction('failed'), 'retry');
    assert.equal(syncRetryAction('deferred'), 'retry');
    assert.equal(backoffDelayMs(0, () => 0.999_999, SYNC_RETRY_BASE_MS, SYNC_RETRY_CAP_MS), 1_999);
    assert.equal(backoffDelayMs(4, () => 0.999_999, SYNC_RETRY_BASE_MS, SYNC_RETRY_CAP_MS), 31_999);
    assert.equal(backoffDelayMs(30, () => 0.999_999, SYNC_RETRY_BASE_MS, SYNC_RETRY_CAP_MS), SYNC_RETRY_CAP_MS - 1);
    assert.equal(backoffDelayMs(30, () => 0, SYNC_RETRY_BASE_MS, SYNC_RETRY_CAP_MS), 0);
  });

  it('resets the back-off when the player is up to date, and leaves skipped syncs to reconnects', () => {
    assert.equal(syncRetryAction('applied'), 'reset');
    assert.equal(syncRetryAction('no-manifest'), 'reset');
    assert.equal(syncRetryAction('skipped'), 'none');
  });
});

describe('takedown revisions', () => {
  it('keeps a plausible revision as sent', () => {
    assert.equal(plausibleTakedownRevision(8, 7), 8);
    assert.equal(plausibleTakedownRevision(3, 7), 3);
    assert.equal(plausibleTakedownRevision(7 + MAX_TAKEDOWN_REVISION_LEAD, 7), 7 + MAX_TAKEDOWN_REVISION_LEAD);
  });

  it('remembers an implausible one as the next revision after the one known', () => {
    for (const offered of [2 ** 53, 2 ** 52, 8 + MAX_TAKEDOWN_REVISION_LEAD, -1, 1.5, Number.NaN, Infinity, '9', null, undefined]) {
      assert.equal(plausibleTakedownRevision(offered, 7), 8, String(offered));
    }
  });
});

describe('manifest acceptance', () => {
  const manifest = makeManifest({ version: 2, revision: 4, entries: [] });

  it('accepts a manifest signed with the pinned key', () => {
    const check = checkSignedManifest(sign(manifest), controllerKeys.publicKey);
    assert.ok(check.ok);
    assert.deepEqual(check.manifest, manifest);
  });

  it('refuses a manifest signed with any other key', () => {
    const other = signPayload(manifest, { ...controllerKeys, secretKey: Buffer.alloc(32, 7).toString('base64') });
    const check = checkSignedManifest(other, controllerKeys.publicKey);
    assert.equal(check.ok, false);
    assert.equal(!check.ok && check.code, 'manifest-signature-invalid');
  });

  it('refuses a malformed manifest without crashing', () => {
    const check = checkSignedManifest({ payload: { version: 'x' }, signature: 'AA==', keyId: 'k' }, controllerKeys.publicKey);
    assert.equal(!check.ok && check.code, 'sync-failed');
    assert.equal(checkSignedManifest(null, controllerKeys.publicKey).ok, false);
  });

  it('verifies the payload as sent, even with fields this player does not know', () => {
    const newer = signPayload({ ...manifest, futureField: { a: 1 } }, controllerKeys);
    const check = checkSignedManifest(newer, controllerKeys.publicKey);
    assert.ok(check.ok, 'stripping unknown fields must not break the signature');
    assert.equal(canonicalJson(JSON.parse(check.signedJson).payload), canonicalJson(newer.payload));
  });
});

describe('combined list digest', () => {
  const a = makeEntry({ id: 'a' });
  const b = makeEntry({ id: 'b' });
  const c = makeEntry({ id: 'c' });
  const ref = (entry: PublicEntry) => ({ id: entry.id, hash: publicEntryHash(entry) });
  const upsert = (entry: PublicEntry) => ({ id: entry.id, op: 'upsert' as const, hash: publicEntryHash(entry) });

  it('equals the digest of live entries patched by staged tombstones and upserts', () => {
    const changedB = { ...b, reason: '更正' };
    const { digest, count } = combinedListDigest([ref(a), ref(b)], [{ id: 'a', op: 'tombstone' }, upsert(changedB), upsert(c)], 'delta');
    assert.equal(digest, digestOf([changedB, c]));
    assert.equal(count, 2);
  });

  it('ignores live entries when a full list was staged', () => {
    assert.equal(combinedListDigest([ref(a), ref(b)], [upsert(c)], 'full').digest, digestOf([c]));
  });

  it('does not depend on the order entries arrived in', () => {
    assert.equal(combinedListDigest([ref(c), ref(a), ref(b)], [], 'delta').digest, combinedListDigest([ref(b), ref(c), ref(a)], [], 'delta').digest);
  });
});

describe('revision convergence', () => {
  it('is converged when the manifest pins the revision reached', () => {
    assert.equal(decideRevision({ manifestRevision: 5, reachedRevision: 5, maxTakedownRevision: 0 }), 'converged');
  });

  it('pulls again when the two differ either way', () => {
    assert.equal(decideRevision({ manifestRevision: 6, reachedRevision: 5, maxTakedownRevision: 0 }), 'pull-again');
    assert.equal(decideRevision({ manifestRevision: 5, reachedRevision: 6, maxTakedownRevision: 0 }), 'pull-again');
  });

  it('waits for a newer manifest after a takedown the manifest predates', () => {
    assert.equal(decideRevision({ manifestRevision: 5, reachedRevision: 5, maxTakedownRevision: 6 }), 'stale-after-takedown');
  });
});

describe('slide assets of a manifest', () => {
  it('lists each slide asset once', () => {
    const sha = 'c'.repeat(64);
    const manifest = makeManifest({
      version: 1,
      revision: 0,
      entries: [],
      timeline: [
        { kind: 'slide', id: 's1', asset: { sha256: sha, bytes: 10 }, durationMs: 5_000 },
        { kind: 'slide', id: 's2', asset: { sha256: sha, bytes: 10 }, durationMs: 5_000 },
      ],
    });
    assert.deepEqual(slideAssetsOf(manifest), [{ sha256: sha, bytes: 10 }]);
  });
});
