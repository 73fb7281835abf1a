// The takedown report: for withdrawn entries, when each was withdrawn and by whom, the publish that
// took it off the screens, and which screens have dropped it (and when) or are still pending.
// Reads each feature through its own module: entries, publishing, screens, users.

import type { Kysely } from 'kysely';
import { DEFAULT_MASKING_POLICY, maskIdNumber } from '../../../../shared/masking/masking.ts';
import type { Takedown, TakedownDetail } from '../../../../shared/reports/takedown-report.ts';
import { notFound } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { searchWithdrawals, withdrawalOf, type WithdrawalRow, type WithdrawalSearch } from '../entries/withdrawals.ts';
import { firstManifestAtRevision, publicationStatusOf } from '../publishing/takedown-revisions.ts';
import { listScreens } from '../screens/service.ts';
import { listUsers } from '../users/service.ts';
import { firstAcksAtOrAfter } from './ack-history.ts';
import { ackCounts, screenTakedownAcks, type FleetScreen } from './takedown-acks.ts';

type Db = Kysely<Database>;

function maskedCode(row: WithdrawalRow): string | null {
  if (row.creditCode !== null) return row.creditCode;
  return row.idNumber === null ? null : maskIdNumber(row.idNumber, DEFAULT_MASKING_POLICY);
}

async function fleet(db: Db, connectedIds: ReadonlySet<string>): Promise<FleetScreen[]> {
  return (await listScreens(db, connectedIds)).map((s) => ({ id: s.id, name: s.name, status: s.status, listRevision: s.listRevision, lastSeenAt: s.lastSeenAt }));
}

async function describe(db: Db, rows: readonly WithdrawalRow[], screens: readonly FleetScreen[]): Promise<Takedown[]> {
  const [statuses, users] = await Promise.all([publicationStatusOf(db, rows.map((r) => r.id)), listUsers(db)]);
  const usersById = new Map(users.map((u) => [u.id, u]));
  const publishes = new Map<number, { manifestVersion: number; publishedAt: number } | null>();
  const takedowns: Takedown[] = [];
  for (const row of rows) {
    const status = statuses.get(row.id) ?? { state: 'never-published' as const };
    let publish: Takedown['publish'] = null;
    if (status.state === 'taken-down') {
      if (!publishes.has(status.listRevision)) {
        const manifest = await firstManifestAtRevision(db, status.listRevision);
        publishes.set(status.listRevision, manifest && { manifestVersion: manifest.version, publishedAt: manifest.createdAt });
      }
      publish = publishes.get(status.listRevision) ?? null;
    }
    const by = row.withdrawnBy === null ? undefined : usersById.get(row.withdrawnBy);
    takedowns.push({
      entryId: row.id,
      list: row.list,
      category: row.category,
      subjectType: row.subjectType,
      subjectName: row.subjectName,
      code: maskedCode(row),
      withdrawnAt: row.withdrawnAt,
      withdrawnBy: by ? { id: by.id, displayName: by.displayName, username: by.username } : null,
      reason: row.withdrawalReason,
      note: row.withdrawalNote,
      state: status.state,
      listRevision: status.state === 'never-published' ? null : status.listRevision,
      publish,
      screens: status.state === 'taken-down' ? ackCounts(screens, status.listRevision) : null,
    });
  }
  return takedowns;
}

export async function listTakedowns(db: Db, search: WithdrawalSearch, connectedIds: ReadonlySet<string>): Promise<{ total: number; items: Takedown[] }> {
  const [withdrawals, screens] = await Promise.all([searchWithdrawals(db, search), fleet(db, connectedIds)]);
  return { total: withdrawals.total, items: await describe(db, withdrawals.items, screens) };
}

export async function takedownDetail(db: Db, entryId: string, connectedIds: ReadonlySet<string>): Promise<TakedownDetail> {
  const row = await withdrawalOf(db, entryId);
  if (!row) throw notFound('withdrawal', entryId);
  const screens = await fleet(db, connectedIds);
  const [takedown] = await describe(db, [row], screens);
  if (!takedown) throw notFound('withdrawal', entryId);
  if (takedown.state !== 'taken-down' || takedown.listRevision === null) return { ...takedown, screenAcks: [] };
  const ackTimes = await firstAcksAtOrAfter(db, screens.filter((s) => s.status !== 'revoked').map((s) => s.id), takedown.listRevision);
  return { ...takedown, screenAcks: screenTakedownAcks(screens, takedown.listRevision, ackTimes) };
}
