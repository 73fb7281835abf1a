// The approvers' queue: everything that awaits a second person, from every reviewed kind, with
// each author's name; the verdicts themselves go to each kind's own approve and reject routes.

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { listChangeSets } from '../change-sets/service.ts';
import { listContent } from '../content/service.ts';
import { listReviewables } from '../programme/service.ts';
import { displayNamesOf } from '../users/display-names.ts';

/** More pending change sets than this is a backlog to work through, not a page to show at once. */
export const QUEUE_CHANGE_SETS_MAX = 500;

export async function reviewQueue(db: Kysely<Database>) {
  const [changeSets, content, playlists, schedules] = await Promise.all([
    listChangeSets(db, { status: 'pending', limit: QUEUE_CHANGE_SETS_MAX }),
    listContent(db),
    listReviewables(db, 'playlists'),
    listReviewables(db, 'schedules'),
  ]);
  const pendingContent = content.filter((c) => c.status === 'pending');
  // A programme row awaits review while it holds a pending change, new or on top of an approved version.
  const awaiting = <T extends { pending: unknown; pendingBy: string | null; retiredAt: number | null }>(row: T) => row.pending !== null && row.pendingBy !== null && row.retiredAt === null;
  const pendingPlaylists = playlists.filter(awaiting);
  const pendingSchedules = schedules.filter(awaiting);
  const names = await displayNamesOf(db, [
    ...changeSets.map((c) => c.submittedBy),
    ...[...pendingPlaylists, ...pendingSchedules].flatMap((p) => [p.pendingBy, p.approvedBy]),
  ]);
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  return {
    counts: { changeSets: changeSets.length, content: pendingContent.length, playlists: pendingPlaylists.length, schedules: pendingSchedules.length },
    changeSets: changeSets.map((c) => ({ ...c, submittedByName: nameOf(c.submittedBy) })),
    // Content rows carry their authors' names already.
    content: pendingContent.map(({ documentJson, ...c }) => ({ ...c, document: JSON.parse(documentJson) as unknown })),
    playlists: pendingPlaylists.map((p) => ({ ...p, pendingByName: nameOf(p.pendingBy), approvedByName: nameOf(p.approvedBy) })),
    schedules: pendingSchedules.map((s) => ({ ...s, pendingByName: nameOf(s.pendingBy), approvedByName: nameOf(s.approvedBy) })),
  };
}
