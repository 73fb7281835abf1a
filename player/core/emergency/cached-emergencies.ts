// Loads the emergencies in force from the cache, trusting each only if it still verifies against the pinned key.

import type { Logger } from 'pino';
import type { EmergencyPayload } from '../../../shared/protocol/emergency.ts';
import type { Identity } from '../cache/identity-store.ts';
import type { PlayerCache } from '../cache/player-cache.ts';
import { errorMessage } from '../errors.ts';
import { checkSignedEmergency } from './emergency-check.ts';

/** A row edited on disk, or signed by a key other than the pinned one, is skipped and logged, never shown. */
export function loadVerifiedEmergencies(cache: PlayerCache, identity: Identity, logger: Logger): EmergencyPayload[] {
  if (!identity.controllerPublicKey) return [];
  const verified: EmergencyPayload[] = [];
  for (const stored of cache.emergencies.active()) {
    try {
      const check = checkSignedEmergency(JSON.parse(stored.signedJson), identity.controllerPublicKey);
      if (check.ok && check.emergency.id === stored.id) verified.push(check.emergency);
      else logger.error({ id: stored.id, reason: check.ok ? 'id-mismatch' : check.reason }, 'cached emergency refused');
    } catch (error) {
      logger.error({ id: stored.id, err: errorMessage(error) }, 'cached emergency unreadable');
    }
  }
  return verified;
}
