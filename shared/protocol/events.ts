// Socket.IO event maps for the player namespace. Both sides type their sockets with these, so a
// wrong payload does not compile; the schemas in messages.ts check what actually arrives.

import type {
  Heartbeat,
  ListChangesPage,
  ListChangesRequest,
  ManifestAvailable,
  PairingAdopted,
  PairingCode,
  PlayerErrorReport,
  Result,
  SyncApplied,
  Takedown,
} from './messages.ts';
import type { ControllerTime } from './clock.ts';
import type { SignedManifest } from './manifest.ts';
import type { PlayEventBatch, PlayEventsAccepted } from './proof-of-play.ts';
import type { CommandOutcome, CommandRequest } from './commands.ts';
import type { EmergencyAck, ScreenGroups, SignedEmergency, SignedEmergencyEnd } from './emergency.ts';

export interface ControllerToPlayerEvents {
  'pairing:code': (payload: PairingCode) => void;
  'pairing:adopted': (payload: PairingAdopted) => void;
  'manifest:available': (payload: ManifestAvailable) => void;
  'entries:takedown': (payload: Takedown) => void;
  /** a technician's remote command; the ack carries its result (a screenshot's PNG goes over HTTP first) */
  'command:run': (command: CommandRequest, ack: (outcome: CommandOutcome) => void) => void;
  /** an emergency override: shown above everything until its signed end */
  'emergency:start': (payload: SignedEmergency) => void;
  'emergency:end': (payload: SignedEmergencyEnd) => void;
  'screen:groups': (payload: ScreenGroups) => void;
}

export interface PlayerToControllerEvents {
  'manifest:get': (ack: (result: Result<SignedManifest | null>) => void) => void;
  'lists:changes': (request: ListChangesRequest, ack: (result: Result<ListChangesPage>) => void) => void;
  /**
   * What the screen switched to. Players send it without an ack (the controller answers one only
   * when asked): at a fleet's scale the answers cost as much as the announcement, and the heartbeat
   * restates the versions every 30 s should this one be lost.
   */
  'sync:applied': (payload: SyncApplied, ack?: (result: Result<null>) => void) => void;
  heartbeat: (payload: Heartbeat) => void;
  'clock:now': (ack: (result: Result<ControllerTime>) => void) => void;
  'player:error': (payload: PlayerErrorReport) => void;
  /** proof of play: the player deletes the batch's events only after an ok ack */
  'play:events': (batch: PlayEventBatch, ack: (result: Result<PlayEventsAccepted>) => void) => void;
  /** the screen verified and stored the emergency and shows it */
  'emergency:ack': (payload: EmergencyAck, ack: (result: Result<null>) => void) => void;
}

export interface PlayerSocketData {
  screenId: string | null;
  deviceId: string | null;
}
