// What a category policy does to a record, shown beside the form before it is saved: a sample
// person's name and ID number as a screen would show them, and when an entry listed on a sample
// date would leave the screens. Uses the controller's own masking and period rules. Pure.

import { publicationPeriodEnd } from '../../../../../shared/lists/publication-period.ts';
import { maskIdNumber, maskPersonName, type MaskingPolicy } from '../../../../../shared/masking/masking.ts';

export interface CategoryPolicy extends MaskingPolicy {
  /** null: entries stay public until their valid-until date */
  publicationMonths: number | null;
}

/** A made-up person (the ID's region 150302 is Wuhai's Haibowan district; its check digit is valid). */
export const SAMPLE_PERSON = { name: '欧阳示明', idNumber: '150302198005171238' } as const;

export function maskedSample(policy: MaskingPolicy, sample: { name: string; idNumber: string } = SAMPLE_PERSON): { name: string; idNumber: string } {
  return { name: maskPersonName(sample.name, policy.nameDisplay), idNumber: maskIdNumber(sample.idNumber, policy) };
}

/** The last public day of an entry listed on `listedOn`, or null when the policy sets no period. */
export function samplePeriodEnd(publicationMonths: number | null, listedOn: string): string | null {
  return publicationMonths === null ? null : publicationPeriodEnd(listedOn, publicationMonths);
}

/** 36 → { years: 3, months: 0 }: periods are usually stated in years, so the form shows both. */
export function yearsAndMonths(months: number): { years: number; months: number } {
  return { years: Math.floor(months / 12), months: months % 12 };
}
