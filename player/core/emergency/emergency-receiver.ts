// Handles emergency starts and ends and the screen's groups as they arrive: verify, store, ack, tell the display.

import type { Logger } from 'pino';
import { screenGroupsSchema } from '../../../shared/protocol/emergency.ts';
import type { PlayerCache } from '../cache/player-cache.ts';
import { errorMessage } from '../errors.ts';
import type { PlayerSocket } from '../sync/socket-link.ts';
import { checkSignedEmergency, checkSignedEmergencyEnd } from './emergency-check.ts';

export interface EmergencyReceiverDeps {
  cache: PlayerCache;
  now: () => number;
  logger: Logger;
  /** the pinned controller key; null while unpaired (nothing is accepted then) */
  pinnedPublicKey: () => string | null;
  /** the emergencies in force changed: rebuild the display state */
  onChange: () => void;
}

const ACK_TIMEOUT_MS = 10_000;

export function attachEmergencyReceiver(socket: PlayerSocket, deps: EmergencyReceiverDeps): void {
  const logger = deps.logger.child({ module: 'emergency' });

  socket.on('emergency:start', (raw) => {
    const key = deps.pinnedPublicKey();
    if (!key) return logger.warn('emergency ignored: not paired');
    const check = checkSignedEmergency(raw, key);
    if (!check.ok) {
      logger.error({ reason: check.reason }, check.message);
      socket.emit('player:error', { code: check.reason === 'unmasked-id' ? 'unmasked-data-refused' : 'emergency-refused', message: check.message, manifestVersion: null });
      return;
    }
    const { emergency } = check;
    try {
      if (deps.cache.emergencies.isEnded(emergency.id)) return logger.info({ id: emergency.id }, 'emergency already ended; not shown');
      const added = deps.cache.emergencies.activate({ id: emergency.id, signedJson: check.signedJson, issuedAt: emergency.issuedAt }, deps.now());
      if (added) {
        logger.warn({ id: emergency.id, kind: emergency.content.kind }, 'emergency override in force');
        deps.onChange();
      }
    } catch (error) {
      // Not stored means not acked: the controller keeps the screen pending and resends at reconnect.
      return logger.error({ err: errorMessage(error), id: emergency.id }, 'could not store the emergency');
    }
    // Acked only once it is stored and on the display state, so "acked" means "showing".
    socket.timeout(ACK_TIMEOUT_MS).emit('emergency:ack', { id: emergency.id }, (error: Error | null) => {
      if (error) logger.warn({ id: emergency.id }, 'emergency ack not confirmed');
    });
  });

  socket.on('emergency:end', (raw) => {
    const key = deps.pinnedPublicKey();
    if (!key) return;
    const check = checkSignedEmergencyEnd(raw, key);
    if (!check.ok) return logger.error({ reason: check.reason }, check.message);
    try {
      if (deps.cache.emergencies.end(check.end.id, check.end.endedAt)) {
        logger.warn({ id: check.end.id }, 'emergency override ended');
        deps.onChange();
      }
    } catch (error) {
      logger.error({ err: errorMessage(error), id: check.end.id }, 'could not end the emergency');
    }
  });

  socket.on('screen:groups', (raw) => {
    const parsed = screenGroupsSchema.safeParse(raw);
    if (!parsed.success) return logger.warn('malformed screen:groups');
    try {
      deps.cache.screenGroups.replace(parsed.data.groupIds, deps.now(), parsed.data.timeZone);
      deps.onChange();
    } catch (error) {
      logger.warn({ err: errorMessage(error) }, 'could not store the screen groups');
    }
  });
}
