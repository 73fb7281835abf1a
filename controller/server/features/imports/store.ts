// Stages an import as one pending change set with its entries, all or nothing; finds the live subject keys.

import type { CalendarDate } from '../../../../shared/dates/calendar-date.ts';
import type { ListKind } from '../../../../shared/lists/list-entry.ts';
import type { Store } from '../../store/database.ts';
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

// Column order of ENTRY_INSERT's placeholders, in entryParameters below.
const ENTRY_INSERT = `INSERT INTO entries (
  id, change_set_id, list, category, subject_type, subject_name, credit_code, id_number,
  legal_representative, reason, authority, basis, listed_on, valid_until, source_ref, source_line,
  birth_date, status, warnings_json, subject_key, created_at
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`;

/**
 * The change set goes in through Kysely; the entries through one better-sqlite3 prepared statement
 * run inside the same Kysely transaction. Kysely builds an operation tree per value and took 4.2 s
 * of CPU for 100,000 entries in multi-row inserts, twice the raw statement's 2.1 s, which alone
 * broke the 50,000 rows/s budget. Running inside db.transaction() keeps Kysely's connection lock,
 * so nothing else interleaves, and a throw anywhere rolls back the change set too.
 * TODO(postgres): a PostgreSQL store needs COPY or multi-row inserts here instead.
 */
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
    const insert = store.sqlite.prepare<EntryParameters>(ENTRY_INSERT);
    for (const entry of input.entries) insert.run(...entryParameters(entry, input));
  });
}

type EntryParameters = [
  id: string, changeSetId: string, list: string, category: string, subjectType: string, subjectName: string,
  creditCode: string | null, idNumber: string | null, legalRepresentative: string | null, reason: string,
  authority: string, basis: string | null, listedOn: string, validUntil: string, sourceRef: string | null,
  sourceLine: number, birthDate: string | null, warningsJson: string | null, subjectKey: string, createdAt: number,
];

function entryParameters(entry: StagedEntry, input: StageChangeSetInput): EntryParameters {
  return [
    entry.id, input.changeSetId, entry.list, entry.category, entry.subjectType, entry.subjectName,
    entry.creditCode, entry.idNumber, entry.legalRepresentative, entry.reason,
    entry.authority, entry.basis, entry.listedOn, entry.validUntil, entry.sourceRef,
    entry.line, entry.birthDate, entry.warnings.length > 0 ? JSON.stringify(entry.warnings) : null, entry.subjectKey, input.submittedAt,
  ];
}

/** Subject keys that a new entry may not repeat: pending or approved, and not yet past validUntil. */
export async function loadLiveSubjectKeys(store: Store, today: CalendarDate, list?: ListKind): Promise<Set<string>> {
  let query = store.db.selectFrom('entries').select('subjectKey').where('status', 'in', ['pending', 'approved']).where('validUntil', '>=', today);
  if (list !== undefined) query = query.where('list', '=', list);
  const rows = await query.execute();
  return new Set(rows.map((r) => r.subjectKey));
}
