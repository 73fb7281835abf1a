// Stages an import as one pending change set with its entries, all or nothing; finds the live subject keys.

import type { Insertable } from 'kysely';
import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ListKind } from '../../../../shared/lists/list-entry.ts';
import type { Store } from '../../store/database.ts';
import type { EntriesTable } from '../../store/schema.ts';
import type { ImportReport, StagedEntry } from './import-report.ts';

export interface StageChangeSetInput {
  changeSetId: string;
  list: ListKind;
  category: string | null;
  sourceName: string;
  submittedBy: string;
  submittedAt: number;
  report: ImportReport;
  entries: StagedEntry[];
}

// SQLite (≥ 3.32) binds at most 32,766 parameters per statement; PostgreSQL 65,535.
const MAX_BOUND_PARAMETERS = 32_766;

export async function stageChangeSet(store: Store, input: StageChangeSetInput): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('changeSets')
      .values({
        id: input.changeSetId,
        kind: 'import',
        list: input.list,
        category: input.category,
        sourceName: input.sourceName,
        submittedBy: input.submittedBy,
        submittedAt: input.submittedAt,
        status: 'pending',
        reviewedBy: null,
        reviewedAt: null,
        reviewComment: null,
        rowCount: input.report.rows,
        acceptedCount: input.report.accepted,
        rejectedCount: input.report.rows - input.report.accepted,
        warningCount: input.report.warnings.length,
        reportJson: JSON.stringify(input.report),
      })
      .execute();
    const rows = input.entries.map((entry) => entryRow(entry, input));
    const rowsPerInsert = Math.floor(MAX_BOUND_PARAMETERS / Object.keys(rows[0] ?? {}).length);
    for (let start = 0; start < rows.length; start += rowsPerInsert) {
      await trx.insertInto('entries').values(rows.slice(start, start + rowsPerInsert)).execute();
    }
  });
}

function entryRow(entry: StagedEntry, input: StageChangeSetInput): Insertable<EntriesTable> {
  return {
    id: entry.id,
    changeSetId: input.changeSetId,
    list: entry.list,
    category: entry.category,
    subjectType: entry.subjectType,
    subjectName: entry.subjectName,
    creditCode: entry.creditCode,
    idNumber: entry.idNumber,
    legalRepresentative: entry.legalRepresentative,
    reason: entry.reason,
    authority: entry.authority,
    basis: entry.basis,
    listedOn: entry.listedOn,
    validUntil: entry.validUntil,
    sourceRef: entry.sourceRef,
    sourceLine: entry.line,
    birthDate: entry.birthDate,
    status: 'pending',
    warningsJson: entry.warnings.length > 0 ? JSON.stringify(entry.warnings) : null,
    subjectKey: entry.subjectKey,
    createdAt: input.submittedAt,
  };
}

/** Subject keys that a new entry may not repeat: pending or approved, and not yet past validUntil. */
export async function loadLiveSubjectKeys(store: Store, today: CalendarDate, list?: ListKind): Promise<Set<string>> {
  let query = store.db.selectFrom('entries').select('subjectKey').where('status', 'in', ['pending', 'approved']).where('validUntil', '>=', today);
  if (list !== undefined) query = query.where('list', '=', list);
  const rows = await query.execute();
  return new Set(rows.map((r) => r.subjectKey));
}
