// Kysely builds, transforms and compiles a fresh query tree on every call. On the hot paths of a
// returning fleet (the token check and greeting of ten thousand screens) that cost more than
// SQLite's own work. A reusable query is built and compiled once per database handle with marked
// placeholders, then run with each call's values in their places. Only for plugins that keep no
// per-query state between compiling and reading results, as CamelCasePlugin does.

import type { Compilable, CompiledQuery, Kysely } from 'kysely';

type Value = string | number | null;

/** A value no caller passes: each argument's position among the compiled parameters is found by it. */
const placeholder = (index: number): string => `\u0000reusable-query-argument-${index}\u0000`;

interface Compiled {
  query: CompiledQuery;
  /** per compiled parameter: the argument's index, or the constant the builder put there */
  slots: Array<{ argument: number } | { constant: unknown }>;
}

function compile<Args extends Value[]>(build: (...args: Args) => Compilable<unknown>, arity: number): Compiled {
  const placeholders = Array.from({ length: arity }, (_, i) => placeholder(i));
  const query = build(...(placeholders as Args)).compile();
  const slots = query.parameters.map((parameter) => {
    const argument = typeof parameter === 'string' ? placeholders.indexOf(parameter) : -1;
    return argument >= 0 ? { argument } : { constant: parameter };
  });
  for (let i = 0; i < arity; i++) {
    if (!slots.some((slot) => 'argument' in slot && slot.argument === i)) throw new Error(`reusable query: argument ${i} is not a bound parameter of: ${query.sql}`);
  }
  return { query, slots };
}

/**
 * `build(db, ...args)` must use every argument as a plain bound value (a comparison, a limit), not
 * to decide the query's shape: it runs once, with placeholders, per database handle.
 */
export function reusableQuery<DB, Args extends Value[], Row>(build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>): (db: Kysely<DB>, ...args: Args) => Promise<Row[]> {
  const compiledFor = new WeakMap<Kysely<DB>, Compiled>();
  return async (db, ...args) => {
    let compiled = compiledFor.get(db);
    if (!compiled) {
      compiled = compile((...values: Args) => build(db, ...values), args.length);
      compiledFor.set(db, compiled);
    }
    const parameters = compiled.slots.map((slot) => ('argument' in slot ? args[slot.argument] : slot.constant));
    const result = await db.executeQuery<Row>({ ...compiled.query, parameters } as CompiledQuery<Row>);
    return result.rows;
  };
}
