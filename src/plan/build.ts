/**
 * Factories for plan operators. They apply Kusto's defaults where the plan must be explicit
 * (sort direction and where nulls go) and check what a binder bug could break: names that
 * repeat, references to columns the input lacks, row counts that are not counts.
 */
import { InternalError } from '../errors.js';
import { col, type Expr } from './expr.js';
import type { Aggregation } from './aggregation.js';
import { aggregationArgs } from './aggregation.js';
import type {
  Aggregate,
  Column,
  Distinct,
  Filter,
  Join,
  JoinCondition,
  JoinKind,
  Limit,
  NamedExpr,
  Project,
  Relation,
  Scan,
  ScanColumn,
  Sort,
  SortKey,
  TopN,
  Union,
  UnionKind,
  Unnest,
  Values,
} from './relation.js';
import { schemaOf, typeIn } from './schema.js';
import type { ScalarType } from './types.js';

/** Reads a catalog table or view; `namespace` is its schema when not the default one. */
export function scan(table: string, columns: readonly ScanColumn[], namespace?: string): Scan {
  distinctNames(
    columns.map((c) => c.name),
    `table ${table}`,
  );
  return namespace === undefined
    ? { kind: 'Scan', table, columns }
    : { kind: 'Scan', namespace, table, columns };
}

/** Literal rows; every row has one constant expression per column. */
export function values(columns: readonly Column[], rows: readonly (readonly Expr[])[]): Values {
  distinctNames(
    columns.map((c) => c.name),
    'literal rows',
  );
  for (const row of rows) {
    if (row.length !== columns.length) throw new InternalError('a literal row of the wrong width');
    row.forEach((expr) => typeIn(expr, []));
  }
  return { kind: 'Values', columns, rows };
}

export function filter(input: Relation, predicate: Expr): Filter {
  checkExprs(input, [predicate]);
  return { kind: 'Filter', input, predicate };
}

/** Exactly the named columns, in order. */
export function project(input: Relation, columns: readonly NamedExpr[]): Project {
  distinctNames(
    columns.map((c) => c.name),
    'a projection',
  );
  checkExprs(
    input,
    columns.map((c) => c.expr),
  );
  return { kind: 'Project', input, columns };
}

/** Kusto's `extend`: the input's columns, a named one replaced in place, new ones appended. */
export function extend(input: Relation, columns: readonly NamedExpr[]): Project {
  const added = new Map(columns.map((c) => [c.name, c.expr]));
  const kept = schemaOf(input).map(({ name }) => {
    const expr = added.get(name) ?? col(name);
    added.delete(name);
    return { name, expr };
  });
  return project(input, [...kept, ...[...added].map(([name, expr]) => ({ name, expr }))]);
}

/** Group keys first, then each aggregation's columns. */
export function aggregate(
  input: Relation,
  keys: readonly NamedExpr[],
  aggregations: readonly Aggregation[],
): Aggregate {
  const rel: Aggregate = { kind: 'Aggregate', input, keys, aggregations };
  checkExprs(input, [...keys.map((k) => k.expr), ...aggregations.flatMap(aggregationArgs)]);
  distinctNames(
    schemaOf(rel).map((c) => c.name),
    'an aggregation',
  );
  return rel;
}

/**
 * What `arg_max(x, *)` returns beside `x`: every input column that is neither a group key
 * nor `x` itself, each under its own name.
 */
export function allOtherColumns(
  input: Relation,
  keys: readonly NamedExpr[],
  arg: Expr,
): NamedExpr[] {
  const taken = new Set(keys.map((k) => k.name));
  if (arg.kind === 'ColumnRef') taken.add(arg.name);
  return schemaOf(input)
    .filter((c) => !taken.has(c.name))
    .map((c) => ({ name: c.name, expr: col(c.name) }));
}

/** Where nulls go when a sort key does not say. */
export type Nulls = 'first' | 'last';

/** An ascending key; nulls first unless told otherwise, as in Kusto. */
export function asc(expr: Expr, nulls: Nulls = 'first'): SortKey {
  return { expr, descending: false, nullsFirst: nulls === 'first' };
}

/** A descending key; nulls last unless told otherwise, as in Kusto. */
export function desc(expr: Expr, nulls: Nulls = 'last'): SortKey {
  return { expr, descending: true, nullsFirst: nulls === 'first' };
}

export function sort(input: Relation, keys: readonly SortKey[]): Sort {
  if (keys.length === 0) throw new InternalError('a sort without keys');
  checkExprs(
    input,
    keys.map((k) => k.expr),
  );
  return { kind: 'Sort', input, keys };
}

export function limit(input: Relation, count: number): Limit {
  return { kind: 'Limit', input, count: rowCount(count) };
}

export function topN(input: Relation, keys: readonly SortKey[], count: number): TopN {
  sort(input, keys);
  return { kind: 'TopN', input, keys, count: rowCount(count) };
}

export function distinct(input: Relation): Distinct {
  return { kind: 'Distinct', input };
}

/** A join on equal keys; see `Join` for the output columns. */
export function join(
  kind: JoinKind,
  left: Relation,
  right: Relation,
  on: readonly JoinCondition[],
): Join {
  if (on.length === 0) throw new InternalError('a join without conditions');
  checkExprs(
    left,
    on.map((c) => c.left),
  );
  checkExprs(
    right,
    on.map((c) => c.right),
  );
  return { kind: 'Join', join: kind, left, right, on };
}

/** A union by column name; `source` names a first column saying which input each row is from. */
export function union(
  inputs: readonly Relation[],
  options: { kind?: UnionKind; source?: { name: string; labels: readonly string[] } } = {},
): Union {
  if (inputs.length === 0) throw new InternalError('a union of nothing');
  if (options.source && options.source.labels.length !== inputs.length) {
    throw new InternalError('a union source label per input');
  }
  const rel: Union = options.source
    ? { kind: 'Union', inputs, union: options.kind ?? 'outer', source: options.source }
    : { kind: 'Union', inputs, union: options.kind ?? 'outer' };
  distinctNames(
    schemaOf(rel).map((c) => c.name),
    'a union',
  );
  return rel;
}

/** Expands a dynamic array into rows; see `Unnest`. */
export function unnest(
  input: Relation,
  name: string,
  expr: Expr,
  options: { type?: ScalarType; index?: string } = {},
): Unnest {
  checkExprs(input, [expr]);
  const rel: Unnest = { kind: 'Unnest', input, name, expr, type: options.type ?? 'dynamic' };
  const withIndex: Unnest = options.index === undefined ? rel : { ...rel, index: options.index };
  distinctNames(
    schemaOf(withIndex).map((c) => c.name),
    'an expansion',
  );
  return withIndex;
}

function checkExprs(input: Relation, exprs: readonly Expr[]): void {
  const columns = schemaOf(input);
  for (const expr of exprs) typeIn(expr, columns);
}

function distinctNames(names: readonly string[], where: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new InternalError(`column ${name} twice in ${where}`);
    seen.add(name);
  }
}

function rowCount(count: number): number {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new InternalError(`not a row count: ${count}`);
  }
  return count;
}
