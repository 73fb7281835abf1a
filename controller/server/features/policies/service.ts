// Masking policies per category (admin): whether a person's name is shown in full or as the
// surname, and how much of an ID number stays visible. Bounded so no policy can unmask an ID.

import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DEFAULT_MASKING_POLICY } from '../../../../shared/masking/masking.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';

/** At most the region code (6) and the last 4: the birth date in between is never shown. */
export const maskingPolicySchema = z.object({
  nameDisplay: z.enum(['full', 'surname']),
  idKeepStart: z.number().int().min(0).max(6),
  idKeepEnd: z.number().int().min(0).max(4),
});
export type MaskingPolicyInput = z.infer<typeof maskingPolicySchema>;

export async function listPolicies(db: Kysely<Database>) {
  return { default: DEFAULT_MASKING_POLICY, categories: await db.selectFrom('categoryPolicies').selectAll().orderBy('category').execute() };
}

export async function setPolicy(db: Kysely<Database>, input: { category: string; policy: MaskingPolicyInput; actorId: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('categoryPolicies')
      .values({ category: input.category, ...input.policy, updatedAt: input.now })
      .onConflict((oc) => oc.column('category').doUpdateSet({ ...input.policy, updatedAt: input.now }))
      .execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'policy.set', target: `category:${input.category}`, details: input.policy });
  });
}
