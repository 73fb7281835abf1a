// Where a subject is registered, read from its code: the 6-digit administrative division code
// (行政区划代码) that both identifiers carry. A list view filters on prefixes of it: 15 (a
// province), 1503 (a city), 150302 (a district).

import { z } from 'zod';
import type { PublicEntry } from './list-entry.ts';

/** A division code prefix: the province (2 digits), city (4) or county (6). */
export const regionPrefixSchema = z.string().regex(/^\d{2}(\d{2}){0,2}$/, 'expected a division code prefix of 2, 4 or 6 digits');

/**
 * The 6-digit division code of an entry, or null when its code carries none. A unified social
 * credit code (GB 32100-2015) holds it at characters 3–8; a resident ID number at 1–6, which
 * masking keeps (it keeps the first 6).
 */
export function regionCodeOf(entry: Pick<PublicEntry, 'subjectType' | 'code'>): string | null {
  const region = entry.subjectType === 'natural-person' ? entry.code.slice(0, 6) : entry.code.slice(2, 8);
  return /^\d{6}$/.test(region) ? region : null;
}

/** True when the entry is registered under one of the prefixes; no prefixes: everywhere. */
export function isInRegions(entry: Pick<PublicEntry, 'subjectType' | 'code'>, prefixes: readonly string[] | undefined): boolean {
  if (prefixes === undefined || prefixes.length === 0) return true;
  const region = regionCodeOf(entry);
  return region !== null && prefixes.some((prefix) => region.startsWith(prefix));
}
