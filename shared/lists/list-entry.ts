// The list vocabulary shared by controller, player and display.

import { z } from 'zod';

export const LIST_KINDS = ['red', 'black'] as const;
export const listKindSchema = z.enum(LIST_KINDS);
export type ListKind = z.infer<typeof listKindSchema>;

/** 法人, 非法人组织, 个体工商户, 自然人 */
export const SUBJECT_TYPES = ['legal-person', 'unincorporated', 'individual-business', 'natural-person'] as const;
export const subjectTypeSchema = z.enum(SUBJECT_TYPES);
export type SubjectType = z.infer<typeof subjectTypeSchema>;

export const SUBJECT_TYPE_LABELS_ZH: Record<SubjectType, string> = {
  'legal-person': '法人',
  unincorporated: '非法人组织',
  'individual-business': '个体工商户',
  'natural-person': '自然人',
};

export const ENTRY_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const entryStatusSchema = z.enum(ENTRY_STATUSES);
export type EntryStatus = z.infer<typeof entryStatusSchema>;

export const WITHDRAWAL_REASONS = ['credit-repair', 'objection-upheld', 'error'] as const;
export const withdrawalReasonSchema = z.enum(WITHDRAWAL_REASONS);
export type WithdrawalReason = z.infer<typeof withdrawalReasonSchema>;

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What a player receives about one entry: already masked by the controller. `code` is the unified
 * social credit code of an organisation, or a masked ID number of a natural person.
 */
export const publicEntrySchema = z.object({
  id: z.string().min(1).max(64),
  list: listKindSchema,
  category: z.string().max(100),
  subjectType: subjectTypeSchema,
  name: z.string().min(1).max(200),
  code: z.string().max(40),
  legalRepresentative: z.string().max(100).optional(),
  reason: z.string().max(2000),
  authority: z.string().max(200),
  basis: z.string().max(500).optional(),
  listedOn: calendarDate,
  validUntil: calendarDate,
  /** epoch ms at which validUntil ends in the controller's zone; players enforce it offline */
  expiresAt: z.number().int(),
});
export type PublicEntry = z.infer<typeof publicEntrySchema>;
