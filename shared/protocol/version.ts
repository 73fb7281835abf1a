/** Bumped on any incompatible change to the events or payloads in shared/protocol. */
export const PROTOCOL_VERSION = 1;

/** Socket.IO namespace that players connect to. */
export const PLAYER_NAMESPACE = '/player';
