// An in-memory stand-in for the controller's side of a sync, for unit tests of the sync logic.

import type { PublicEntry } from '../../../shared/lists/list-entry.ts';
import type { Manifest, TimelineItem } from '../../../shared/protocol/manifest.ts';
import type { ListChangesPage, ListChangesRequest, PlayerErrorReport, SyncApplied } from '../../../shared/protocol/messages.ts';
import type { Signed, SigningKeyPair } from '../../../shared/signing/manifest-signing.ts';
import type { ControllerLink } from '../../../player/core/sync/sync-run.ts';
import { controllerKeys, makeManifest, sign } from './fixtures.ts';

export class FakeController {
  revision = 0;
  readonly entries = new Map<string, PublicEntry>();
  readonly log: { revision: number; id: string }[] = [];
  manifest: Signed<Manifest> | null = null;
  readonly requests: ListChangesRequest[] = [];
  readonly applied: SyncApplied[] = [];
  readonly errors: PlayerErrorReport[] = [];
  /** lets a test tamper with a page or manifest on its way out */
  transformPage: (page: ListChangesPage) => unknown = (page) => page;

  publishLists(upserts: PublicEntry[], tombstones: string[] = []): number {
    this.revision++;
    for (const id of tombstones) {
      this.entries.delete(id);
      this.log.push({ revision: this.revision, id });
    }
    for (const entry of upserts) {
      this.entries.set(entry.id, entry);
      this.log.push({ revision: this.revision, id: entry.id });
    }
    return this.revision;
  }

  publishManifest(version: number, timeline?: TimelineItem[], keys: SigningKeyPair = controllerKeys): Manifest {
    const manifest = makeManifest({ version, revision: this.revision, entries: [...this.entries.values()], ...(timeline ? { timeline } : {}) });
    this.manifest = sign(manifest, keys);
    return manifest;
  }

  /** Changes since a revision; since 0 means every published entry, which is what a full re-pull asks for. */
  page(request: ListChangesRequest): ListChangesPage {
    this.requests.push(request);
    const touched = new Set(this.log.filter((l) => l.revision > request.sinceRevision).map((l) => l.id));
    const ids = request.sinceRevision === 0 ? [...this.entries.keys()] : [...touched].sort();
    const upserts = ids.flatMap((id) => (this.entries.has(id) ? [this.entries.get(id) as PublicEntry] : []));
    const tombstones = request.sinceRevision === 0 ? [] : ids.filter((id) => !this.entries.has(id));
    const offset = request.cursor === null ? 0 : Number(request.cursor);
    const slice = upserts.slice(offset, offset + request.limit);
    const next = offset + request.limit < upserts.length ? String(offset + request.limit) : null;
    return { upserts: slice, tombstones: offset === 0 ? tombstones : [], revision: this.revision, cursor: next };
  }

  link(): ControllerLink {
    return {
      listChanges: async (request) => this.transformPage(this.page(request)),
      getManifest: async () => (this.manifest ? structuredClone(this.manifest) : null),
      reportApplied: async (payload) => {
        this.applied.push(payload);
      },
      reportError: (report) => {
        this.errors.push(report);
      },
    };
  }
}
