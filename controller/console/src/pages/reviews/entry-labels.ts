// The words for an entry's fields, warning codes and withdrawal reasons, from the change-set messages.

import type { useChangeSetMessages } from './change-set-messages.ts';
import type { ComparedField } from './entry-diff.ts';

type Messages = ReturnType<typeof useChangeSetMessages>;

export function fieldLabel(m: Messages, field: ComparedField): string {
  const labels: Record<ComparedField, string> = {
    subjectName: m.fieldSubjectName,
    legalRepresentative: m.fieldLegalRepresentative,
    category: m.fieldCategory,
    reason: m.fieldReason,
    authority: m.fieldAuthority,
    basis: m.fieldBasis,
    listedOn: m.fieldListedOn,
    validUntil: m.fieldValidUntil,
    sourceRef: m.fieldSourceRef,
  };
  return labels[field];
}

/** The import's stable warning codes; an unknown one falls back to the generic word (the server's message says more). */
export function warningLabel(m: Messages, code: string): string {
  const labels: Record<string, string> = {
    'credit-code-checksum': m.warnCreditCodeChecksum,
    'listed-in-future': m.warnListedInFuture,
    'field-ignored': m.warnFieldIgnored,
    'category-overridden': m.warnCategoryOverridden,
  };
  return labels[code] ?? m.warnOther;
}

export function subjectTypeLabel(m: Messages, subjectType: string): string {
  const labels: Record<string, string> = { 'legal-person': m.subjectLegalPerson, unincorporated: m.subjectUnincorporated, 'individual-business': m.subjectIndividualBusiness, 'natural-person': m.subjectNaturalPerson };
  return labels[subjectType] ?? subjectType;
}

export function withdrawalReasonLabel(m: Messages, reason: string | null): string {
  const labels: Record<string, string> = { 'credit-repair': m.withdrawalCreditRepair, 'objection-upheld': m.withdrawalObjectionUpheld, error: m.withdrawalError };
  return reason === null ? '—' : (labels[reason] ?? reason);
}

/** The server's messages read "中文 (English)": show the half in the reader's language. */
export function serverMessageIn(message: string, locale: 'zh-CN' | 'en'): string {
  const match = /^(.*\S)\s*\(([^()]*)\)\s*$/s.exec(message);
  if (!match) return message;
  return locale === 'en' ? match[2]! : match[1]!;
}
