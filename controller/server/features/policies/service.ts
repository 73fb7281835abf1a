// Policies per category (admin): whether a person's name is shown in full or as the surname, how
// much of an ID number stays visible (bounded so no policy can unmask an ID), and how long entries
// stay public after their listing date (公示期).

import type { Kysely } from 'kysely';
import { z } from 'zod';
import { MAX_PUBLICATION_MONTHS } from '../../../../shared/lists/publication-period.ts';
import { DEFAULT_MASKING_POLICY } from '../../../../shared/masking/masking.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';

/** At most the region code (6) and the last 4: the birth date in between is never shown. */
export const categoryPolicySchema = z.object({
  nameDisplay: z.enum(['full', 'surname']),
  idKeepStart: z.number().int().min(0).max(6),
  idKeepEnd: z.number().int().min(0).max(4),
  /** null (or left out): entries stay public until their valid-until date */
  publicationMonths: z.number().int().min(1).max(MAX_PUBLICATION_MONTHS).nullable().default(null),
});
export type CategoryPolicyInput = z.infer<typeof categoryPolicySchema>;

export async function listPolicies(db: Kysely<Database>) {
  return { default: { ...DEFAULT_MASKING_POLICY, publicationMonths: null }, categories: await db.selectFrom('categoryPolicies').selectAll().orderBy('category').execute() };
}

export async function setPolicy(db: Kysely<Database>, input: { category: string; policy: CategoryPolicyInput; actorId: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('categoryPolicies')
      .values({ category: input.category, ...input.policy, updatedAt: input.now })
      .onConflict((oc) => oc.column('category').doUpdateSet({ ...input.policy, updatedAt: input.now }))
      .execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'policy.set', target: `category:${input.category}`, details: input.policy });
  });
}
