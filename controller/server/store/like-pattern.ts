// Text search with LIKE: the searched text is matched literally, so a typed `%` or `_` is not a wildcard.

import { sql, type RawBuilder } from 'kysely';

/** `50%` → `%50\%%` (escape character `\`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE '%text%' ESCAPE '\'`; the column is a trusted name written in code, never input. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} LIKE ${likePattern(text)} ESCAPE '\\'`;
}
