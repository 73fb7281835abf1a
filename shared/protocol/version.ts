/** Bumped on any incompatible change to the events or payloads in shared/protocol. */
// 2: the manifest's list digest is taken over id buckets (shared/lists/list-digest.ts); a player of
// protocol 1 would find every manifest's digest wrong and is refused at connect instead.
export const PROTOCOL_VERSION = 2;

/** Socket.IO namespace that players connect to. */
export const PLAYER_NAMESPACE = '/player';
