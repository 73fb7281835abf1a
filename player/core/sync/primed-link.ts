// A ControllerLink that answers the first questions of a sync from what the controller pushed with
// its announcement (the changes since the screen's revision and the signed manifest), and asks the
// controller for everything else. The pushed values are as untrusted as pulled ones: sync-run parses
// the page, checks the signature and the digest exactly as it does for an answer over the wire.

import type { SyncPush } from '../../../shared/protocol/messages.ts';
import type { ControllerLink } from './sync-run.ts';

/** The part of a pushed page the link must read to know whether it answers a request. */
function pageSize(changes: unknown): { size: number; complete: boolean } | null {
  if (!changes || typeof changes !== 'object') return null;
  const { upserts, tombstones, cursor } = changes as Record<string, unknown>;
  if (!Array.isArray(upserts) || !Array.isArray(tombstones)) return null;
  return { size: upserts.length + tombstones.length, complete: cursor === null };
}

/**
 * Each pushed answer is used at most once, and the manifest only right after the pushed page: a
 * sync that had to pull its changes asks for the manifest too, as the two must describe one revision.
 */
export function primedLink(link: ControllerLink, push: SyncPush | null): ControllerLink {
  let changes = push;
  let manifestNext = false;
  return {
    ...link,
    async listChanges(request) {
      const pushed = changes;
      changes = null;
      manifestNext = false;
      const page = pushed ? pageSize(pushed.changes) : null;
      if (pushed && page?.complete && page.size <= request.limit && request.cursor === null && request.sinceRevision === pushed.sinceRevision) {
        manifestNext = true;
        return pushed.changes;
      }
      return link.listChanges(request);
    },
    async getManifest() {
      const answer = manifestNext && push ? push.manifest : null;
      manifestNext = false;
      return answer ?? link.getManifest();
    },
  };
}
