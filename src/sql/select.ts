/**
 * One `SELECT` under construction, and a compiled relation: the `SELECT` that yields it and
 * what its columns are called in SQL. Operators either extend the `SELECT` of their input
 * (a filter adds to its `WHERE`) or wrap it as a subquery, read through an alias `q1`, `q2` ...
 */
import type { SortKey } from '../plan/relation.js';
import type { ScalarType } from '../plan/types.js';
import type { Scope } from './plan-expressions.js';

/** One selected expression and the name it is given. */
export interface SelectItem {
  readonly sql: string;
  readonly alias: string;
}

/** The clauses of a `SELECT`; SQL text throughout. */
export interface Select {
  readonly items: readonly SelectItem[];
  readonly distinct?: boolean;
  /** What follows `FROM`, its alias included. */
  readonly from: string;
  readonly where?: readonly string[];
  readonly groupBy?: readonly string[];
  readonly orderBy?: readonly string[];
  /** ClickHouse's `LIMIT n BY keys`. */
  readonly limitBy?: { readonly count: number; readonly keys: readonly string[] };
  readonly limit?: number;
}

/** A plan column as compiled: its plan name and type, and its name in the SQL. */
export interface SqlColumn {
  readonly name: string;
  readonly type: ScalarType;
  readonly sqlName: string;
}

/** A relation as SQL. */
export interface Compiled {
  readonly select: Select;
  /** The output columns, in the order of `select.items`. */
  readonly columns: readonly SqlColumn[];
  /** The columns of what the `SELECT` reads from: SQL name to the SQL that reads it. */
  readonly from: ReadonlyMap<string, string>;
  /** The rows' order, as keys over the output columns, while it is known. */
  readonly order?: readonly SortKey[];
}

/** The `SELECT` as one line of SQL. */
export function renderSelect(select: Select, name: (text: string) => string): string {
  const items = select.items.map((i) => `${i.sql} AS ${name(i.alias)}`).join(', ');
  const parts = [`SELECT ${select.distinct ? 'DISTINCT ' : ''}${items}`, `FROM ${select.from}`];
  if (select.where?.length) parts.push(`WHERE ${select.where.join(' AND ')}`);
  if (select.groupBy?.length) parts.push(`GROUP BY ${select.groupBy.join(', ')}`);
  if (select.orderBy?.length) parts.push(`ORDER BY ${select.orderBy.join(', ')}`);
  if (select.limitBy) {
    parts.push(`LIMIT ${select.limitBy.count} BY ${select.limitBy.keys.join(', ')}`);
  }
  if (select.limit !== undefined) parts.push(`LIMIT ${select.limit}`);
  return parts.join(' ');
}

/** The scope in which an operator merged into `compiled`'s `SELECT` reads its input. */
export function itemScope(compiled: Compiled): Scope {
  return new Map(
    compiled.columns.map((c, i) => [c.name, { sql: compiled.select.items[i]!.sql, type: c.type }]),
  );
}

/** An output column to name: what it is called in the plan (or should be), and its SQL. */
export interface Wanted {
  readonly want: string;
  readonly sql: string;
}

/**
 * SQL names for output columns. A name stays as it is unless another output, or one of
 * `reserved`, already has it in any letter case (DuckDB's names ignore case) or, where
 * `shadowing` (ClickHouse, whose aliases hide the input's columns of the same name everywhere
 * in the `SELECT`), the input has a column of that name and the output is not simply that
 * column. Others get `~2`, `~3` ... appended.
 */
export function sqlNames(
  outputs: readonly Wanted[],
  from: ReadonlyMap<string, string>,
  shadowing: boolean,
  reserved: Iterable<string> = [],
): string[] {
  const taken = new Set([...reserved].map((r) => r.toLowerCase()));
  return outputs.map(({ want, sql }) => {
    const clashes = (candidate: string) =>
      taken.has(candidate.toLowerCase()) ||
      (shadowing && from.has(candidate) && from.get(candidate) !== sql);
    let candidate = want;
    for (let n = 2; clashes(candidate); n++) candidate = `${want}~${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
