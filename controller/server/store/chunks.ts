// Splitting id lists for `IN (…)`: bound variables per statement stay far below SQLite's limit.

/** Ids per `IN (…)` list. */
export const ID_CHUNK = 900;

export function chunks<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
