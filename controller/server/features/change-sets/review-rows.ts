// A change set's entries as an approver reviews them: added, changed against the same subject's
// previous entry on the list, or withdrawn since approval; with each section's count.

import { sql, type Kysely, type Selectable } from 'kysely';
import { notFound } from '../../errors.ts';
import type { Database, EntriesTable } from '../../store/schema.ts';

export const REVIEW_SECTIONS = ['all', 'added', 'changed', 'withdrawn', 'warned'] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];
export type RowChange = 'added' | 'changed' | 'withdrawn';

type EntryRow = Selectable<EntriesTable>;

/** What the approver compares: the fields a person reads, never the internal keys. */
function entryView(row: EntryRow) {
  return {
    id: row.id,
    changeSetId: row.changeSetId,
    line: row.sourceLine,
    status: row.status,
    subjectType: row.subjectType,
    subjectName: row.subjectName,
    creditCode: row.creditCode,
    idNumber: row.idNumber,
    legalRepresentative: row.legalRepresentative,
    category: row.category,
    reason: row.reason,
    authority: row.authority,
    basis: row.basis,
    listedOn: row.listedOn,
    validUntil: row.validUntil,
    sourceRef: row.sourceRef,
    approvedAt: row.approvedAt,
    withdrawnAt: row.withdrawnAt,
    withdrawalReason: row.withdrawalReason,
    withdrawalNote: row.withdrawalNote,
    warnings: JSON.parse(row.warningsJson ?? '[]') as unknown[],
  };
}
export type ReviewEntry = ReturnType<typeof entryView>;

export interface ReviewRow {
  change: RowChange;
  entry: ReviewEntry;
  /** the subject's latest earlier entry on this list and category (approved, since expired, or withdrawn); null when new */
  previous: ReviewEntry | null;
}

export interface ReviewRowsPage {
  changeSetId: string;
  section: ReviewSection;
  /** rows in this section */
  total: number;
  counts: Record<Exclude<ReviewSection, 'all'>, number>;
  items: ReviewRow[];
}

// An earlier entry of the same subject key (list|category|code) from another change set that was
// once public. Rejected and pending ones never reached a screen, so they are not a "before".
const earlierEntry = sql<boolean>`EXISTS (
  SELECT 1 FROM entries p WHERE p.subject_key = e.subject_key AND p.change_set_id <> e.change_set_id
    AND p.status IN ('approved', 'withdrawn') AND p.created_at <= e.created_at)`;

function sectionCondition(section: ReviewSection) {
  switch (section) {
    case 'all': return sql<boolean>`1 = 1`;
    case 'added': return sql<boolean>`e.status <> 'withdrawn' AND NOT ${earlierEntry}`;
    case 'changed': return sql<boolean>`e.status <> 'withdrawn' AND ${earlierEntry}`;
    case 'withdrawn': return sql<boolean>`e.status = 'withdrawn'`;
    case 'warned': return sql<boolean>`e.warnings_json IS NOT NULL`;
  }
}

async function sectionCounts(db: Kysely<Database>, changeSetId: string): Promise<ReviewRowsPage['counts']> {
  const { rows } = await sql<{ total: number; changed: number | null; withdrawn: number | null; warned: number | null }>`
    SELECT COUNT(*) AS total,
      SUM(CASE WHEN e.status <> 'withdrawn' AND ${earlierEntry} THEN 1 ELSE 0 END) AS changed,
      SUM(CASE WHEN e.status = 'withdrawn' THEN 1 ELSE 0 END) AS withdrawn,
      SUM(CASE WHEN e.warnings_json IS NOT NULL THEN 1 ELSE 0 END) AS warned
    FROM entries e WHERE e.change_set_id = ${changeSetId}`.execute(db);
  const row = rows[0] ?? { total: 0, changed: 0, withdrawn: 0, warned: 0 };
  const changed = Number(row.changed ?? 0);
  const withdrawn = Number(row.withdrawn ?? 0);
  return { added: Number(row.total) - changed - withdrawn, changed, withdrawn, warned: Number(row.warned ?? 0) };
}

/** The latest earlier public entry per subject key, for the keys on one page. */
async function earlierEntries(db: Kysely<Database>, page: readonly EntryRow[]): Promise<Map<string, EntryRow>> {
  if (page.length === 0) return new Map();
  const changeSetId = page[0]!.changeSetId;
  const candidates = await db
    .selectFrom('entries')
    .selectAll()
    .where('subjectKey', 'in', [...new Set(page.map((row) => row.subjectKey))])
    .where('changeSetId', '<>', changeSetId)
    .where('status', 'in', ['approved', 'withdrawn'])
    .orderBy('createdAt', 'desc')
    .execute();
  const latest = new Map<string, EntryRow>();
  for (const row of page) {
    const before = candidates.find((c) => c.subjectKey === row.subjectKey && c.createdAt <= row.createdAt);
    if (before) latest.set(row.id, before);
  }
  return latest;
}

export async function changeSetReviewRows(db: Kysely<Database>, input: { changeSetId: string; section: ReviewSection; offset: number; limit: number }): Promise<ReviewRowsPage> {
  const changeSet = await db.selectFrom('changeSets').select('id').where('id', '=', input.changeSetId).executeTakeFirst();
  if (!changeSet) throw notFound('change-set', input.changeSetId);
  const condition = sectionCondition(input.section);
  const [counts, page, total] = await Promise.all([
    sectionCounts(db, input.changeSetId),
    db.selectFrom('entries as e').selectAll().where('e.changeSetId', '=', input.changeSetId).where(condition).orderBy('e.sourceLine').orderBy('e.id').limit(input.limit).offset(input.offset).execute(),
    db.selectFrom('entries as e').select((eb) => eb.fn.countAll<number>().as('n')).where('e.changeSetId', '=', input.changeSetId).where(condition).executeTakeFirstOrThrow(),
  ]);
  const earlier = await earlierEntries(db, page);
  const items = page.map((row): ReviewRow => {
    const previous = earlier.get(row.id);
    return {
      change: row.status === 'withdrawn' ? 'withdrawn' : previous ? 'changed' : 'added',
      entry: entryView(row),
      previous: previous ? entryView(previous) : null,
    };
  });
  return { changeSetId: input.changeSetId, section: input.section, total: Number(total.n), counts, items };
}
