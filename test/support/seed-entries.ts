// Synthetic list entries written straight into a controller store, for the entry search tests and
// bench: made-up companies and people (controller/server/demo), never real ones, in change sets of
// a thousand, with the lists, categories, statuses and validity dates of a city's credit lists.

import type BetterSqlite3 from 'better-sqlite3';
import { seededRandom, syntheticCompanyName, syntheticCreditCode, syntheticPersonName, syntheticResidentId } from '../../controller/server/demo/synthetic-subjects.ts';
import { newEntryId } from '../../controller/server/features/imports/entry-id.ts';

const RED_CATEGORIES = ['A级纳税人', '守合同重信用企业', '诚信示范企业'];
const BLACK_CATEGORIES = ['失信被执行人', '重大税收违法失信主体', '安全生产失信', '拖欠农民工工资失信'];
// Trade names for a quarter of the companies, so that names are not all alike: pairs of these
// characters give a few thousand words, some common and some rare, as real names are.
const TRADE_CHARACTERS = '鑫瑞祥泰华宏达兴隆昌盛源丰恒通利嘉铭博远航德福永安宁康健新创联合金银星辰海天润泽峰岚晟煜';

export interface SeedOptions {
  entries: number;
  /** user id that submitted and reviewed every change set (must exist) */
  userId: string;
  /** the date validity is spread around: about 1 in 30 entries ends within 30 days of it */
  today: string;
  /** epoch ms of the first change set; later ones follow a minute apart */
  firstSubmittedAt: number;
  seed?: number;
  perChangeSet?: number;
}

function dateAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Writes the change sets and entries in one transaction; the search queue fills through the triggers. */
export function seedEntries(sqlite: BetterSqlite3.Database, options: SeedOptions): void {
  const random = seededRandom(options.seed ?? 1);
  const perChangeSet = options.perChangeSet ?? 1_000;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const insertChangeSet = sqlite.prepare<[string, string, string, number, string, number]>(`INSERT INTO change_sets (id, kind, list, category, source_name, submitted_by,
      submitted_at, status, reviewed_by, reviewed_at, review_comment, row_count, accepted_count, rejected_count, warning_count, report_json)
    VALUES (?, 'import', ?, NULL, 'seed.csv', ?, ?, ?, NULL, ?, NULL, 0, 0, 0, 0, '{}')`);
  const insertEntry = sqlite.prepare(`INSERT INTO entries (id, change_set_id, list, category, subject_type, subject_name, credit_code, id_number,
      legal_representative, reason, authority, basis, listed_on, valid_until, source_ref, source_line, birth_date, status, subject_key, created_at,
      approved_at, withdrawn_at, withdrawn_by, withdrawal_reason, withdrawal_note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '有履行能力而拒不履行生效法律文书确定的义务', '乌海市海勃湾区人民法院', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  sqlite.transaction(() => {
    let changeSetId = '';
    let list = 'black';
    let changeSetStatus = 'approved';
    let submittedAt = options.firstSubmittedAt;
    for (let i = 0; i < options.entries; i++) {
      const line = i % perChangeSet;
      if (line === 0) {
        const n = i / perChangeSet;
        changeSetId = `seed-cs-${n}`;
        list = n % 5 === 4 ? 'red' : 'black';
        // The newest change sets are still waiting for review, and one in 50 was rejected.
        changeSetStatus = i + perChangeSet >= options.entries && n > 0 ? 'pending' : n % 50 === 49 ? 'rejected' : 'approved';
        submittedAt = options.firstSubmittedAt + n * 60_000;
        insertChangeSet.run(changeSetId, list, options.userId, submittedAt, changeSetStatus, changeSetStatus === 'pending' ? 0 : submittedAt + 30_000);
      }
      const person = list === 'black' && random() < 0.35;
      const trade = !person && random() < 0.25;
      const name = person
        ? random() < 0.5 ? syntheticPersonName(random) : syntheticPersonName(random).slice(0, 1) + pick([...TRADE_CHARACTERS]) + pick([...TRADE_CHARACTERS])
        : trade ? `乌海市${pick([...TRADE_CHARACTERS])}${pick([...TRADE_CHARACTERS])}商贸有限公司${i}` : syntheticCompanyName(random, i);
      const birthYear = 1960 + Math.floor(random() * 40);
      const idNumber = person ? syntheticResidentId(random, birthYear) : null;
      const creditCode = person ? null : syntheticCreditCode(random);
      const category = pick(list === 'red' ? RED_CATEGORIES : BLACK_CATEGORIES);
      const listedOn = dateAfter(options.today, -30 - Math.floor(random() * 700));
      const validUntil = dateAfter(options.today, Math.floor(random() * 1_000) - 10);
      const withdrawn = changeSetStatus === 'approved' && random() < 0.03;
      const status = withdrawn ? 'withdrawn' : changeSetStatus;
      insertEntry.run(
        newEntryId(submittedAt), changeSetId, list, category, person ? 'natural-person' : 'legal-person', name, creditCode, idNumber,
        person ? null : syntheticPersonName(random), `（2025）蒙03执${i}号`, listedOn, validUntil, `SRC-${i}`, line + 2,
        idNumber === null ? null : `${birthYear}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`, status,
        `${list}|${category}|${creditCode ?? idNumber}`, submittedAt, status === 'pending' || status === 'rejected' ? null : submittedAt + 30_000,
        withdrawn ? submittedAt + 90_000 : null, withdrawn ? options.userId : null, withdrawn ? 'credit-repair' : null, withdrawn ? '已履行' : null,
      );
    }
  })();
}
