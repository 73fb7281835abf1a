// Stages an import as one pending change set with its entries, all or nothing; finds the live subject keys.

import type BetterSqlite3 from 'better-sqlite3';
import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ListKind } from '../../../../shared/lists/list-entry.ts';
import type { Store } from '../../store/database.ts';
import { ENTRY_ROW_COLUMNS, ENTRY_ROW_WIDTH, WARNINGS_COLUMN, type EntryRows } from './entry-rows.ts';
import type { ImportReport } from './import-report.ts';

export interface ChangeSetHeader {
  changeSetId: string;
  list: ListKind;
  category: string | null;
  sourceName: string;
  submittedBy: string;
  submittedAt: number;
}

/** Runs the row check; calls `stage` with the accepted entries, in file order, batch by batch, and settles with the report. */
export type StagingCheck = (stage: (rows: EntryRows) => void) => Promise<ImportReport>;

// The columns of an EntryRows row, then the change set, status and creation time.
const ENTRY_INSERT = `INSERT INTO entries (${ENTRY_ROW_COLUMNS.join(', ')}, change_set_id, status, created_at)
  VALUES (${ENTRY_ROW_COLUMNS.map(() => '?').join(', ')}, ?, 'pending', ?)`;

/**
 * Opens one transaction, inserts the change set, then runs `check` and inserts each batch of
 * entries it accepts as it arrives, and finally writes the report and counts on the change set.
 * When no entry is accepted, or anything throws or rejects, the transaction is rolled back and
 * nothing is written. Other queries wait for the transaction's connection meanwhile; none goes
 * around Kysely.
 * The change set goes in through Kysely; the entries through one better-sqlite3 prepared statement
 * on the same connection, inside the same transaction: Kysely builds an operation tree per value
 * and took 4.2 s of CPU for 100,000 entries in multi-row inserts, twice the raw statement's 2.1 s.
 * TODO(postgres): a PostgreSQL store needs COPY or multi-row inserts here instead.
 */
export async function stageImport(store: Store, header: ChangeSetHeader, check: StagingCheck): Promise<{ report: ImportReport; staged: boolean }> {
  const trx = await store.db.startTransaction().execute();
  try {
    await trx
      .insertInto('changeSets')
      .values({
        id: header.changeSetId,
        kind: 'import',
        list: header.list,
        category: header.category,
        sourceName: header.sourceName,
        submittedBy: header.submittedBy,
        submittedAt: header.submittedAt,
        status: 'pending',
        reviewedBy: null,
        reviewedAt: null,
        reviewComment: null,
        rowCount: 0,
        acceptedCount: 0,
        rejectedCount: 0,
        warningCount: 0,
        reportJson: '{}',
      })
      .execute();
    const insert = store.sqlite.prepare<EntryParameters>(ENTRY_INSERT);
    let staged = 0;
    let entriesWithWarnings = 0;
    const report = await check((rows) => {
      for (let at = 0; at < rows.length; at += ENTRY_ROW_WIDTH) {
        insertEntry(insert, rows, at, header);
        staged += 1;
        if (rows[at + WARNINGS_COLUMN] !== null) entriesWithWarnings += 1;
      }
    });
    if (staged === 0) {
      await trx.rollback().execute();
      return { report, staged: false };
    }
    await trx
      .updateTable('changeSets')
      .set({
        rowCount: report.rows,
        acceptedCount: report.accepted,
        rejectedCount: report.rows - report.accepted,
        // What the approver must confirm: the entries that carry warnings. File-level warnings
        // (an unknown column on line 1) and those of refused rows stay in the report only.
        warningCount: entriesWithWarnings,
        reportJson: JSON.stringify(report),
      })
      .where('id', '=', header.changeSetId)
      .execute();
    await trx.commit().execute();
    return { report, staged: true };
  } catch (error) {
    if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
    throw error;
  }
}

type Value = string | number | null;
type EntryParameters = [...row: Value[], changeSetId: string, createdAt: number];

/** The arguments are passed one by one, not sliced into an array and spread, on this per-row path. */
function insertEntry(insert: BetterSqlite3.Statement<EntryParameters>, v: EntryRows, at: number, header: ChangeSetHeader): void {
  insert.run(
    v[at] ?? null, v[at + 1] ?? null, v[at + 2] ?? null, v[at + 3] ?? null, v[at + 4] ?? null, v[at + 5] ?? null, v[at + 6] ?? null, v[at + 7] ?? null, v[at + 8] ?? null,
    v[at + 9] ?? null, v[at + 10] ?? null, v[at + 11] ?? null, v[at + 12] ?? null, v[at + 13] ?? null, v[at + 14] ?? null, v[at + 15] ?? null, v[at + 16] ?? null, v[at + 17] ?? null,
    header.changeSetId, header.submittedAt,
  );
}

/** Subject keys that a new entry may not repeat: pending or approved, and not yet past validUntil. */
export async function loadLiveSubjectKeys(store: Store, today: CalendarDate, list?: ListKind): Promise<string[]> {
  let query = store.db.selectFrom('entries').select('subjectKey').where('status', 'in', ['pending', 'approved']).where('validUntil', '>=', today);
  if (list !== undefined) query = query.where('list', '=', list);
  const rows = await query.execute();
  return rows.map((r) => r.subjectKey);
}
