// Loads the manifest the player last switched to, trusting it only if it still verifies.

import type { Logger } from 'pino';
import type { Manifest } from '../../../shared/protocol/manifest.ts';
import { errorMessage } from '../errors.ts';
import { checkSignedManifest } from '../sync/sync-decisions.ts';
import type { Identity } from './identity-store.ts';
import type { PlayerCache } from './player-cache.ts';

/** The stored manifest, re-verified against the pinned key: a cache edited on disk is not trusted. */
export function loadVerifiedManifest(cache: PlayerCache, identity: Identity, logger: Logger): Manifest | null {
  const stored = cache.manifests.current();
  if (!stored || !identity.controllerPublicKey) return null;
  try {
    const check = checkSignedManifest(JSON.parse(stored.signedJson), identity.controllerPublicKey);
    if (check.ok) return check.manifest;
    logger.error({ code: check.code }, `cached manifest refused: ${check.message}`);
  } catch (error) {
    logger.error({ err: errorMessage(error) }, 'cached manifest unreadable');
  }
  return null;
}
