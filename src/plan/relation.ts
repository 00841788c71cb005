/**
 * The relational plan: one tree of small readonly operators for every front end (KQL, SPL,
 * Sigma), named after relational algebra rather than after any query language. Each operator
 * has an output schema, computed by `schemaOf` (`schema.ts`); build operators with the
 * factories below, which check what the binder should already have made sure of.
 *
 * Expressions inside an operator refer to the columns of its input with `ColumnRef`; a join
 * condition pairs an expression over the left input with one over the right input.
 */
import type { Expr } from './expr.js';
import type { Aggregation } from './aggregation.js';
import type { ScalarType } from './types.js';

/** A column of a relation. */
export interface Column {
  readonly name: string;
  readonly type: ScalarType;
}

/** A named expression: one output column of `Project`, or a group key of `Aggregate`. */
export interface NamedExpr {
  readonly name: string;
  readonly expr: Expr;
}

/** A catalog column as a scan reads it; `sqlName` when the engine spells it differently. */
export interface ScanColumn extends Column {
  readonly sqlName?: string;
}

/** Every row of a catalog table or view (`SecurityEvent`, `splunk.windows`). */
export interface Scan {
  readonly kind: 'Scan';
  /** The table's schema in the store (`splunk`), when it is not the default one. */
  readonly namespace?: string;
  readonly table: string;
  readonly columns: readonly ScanColumn[];
}

/** Literal rows (`datatable`, `print`): each row holds one constant expression per column. */
export interface Values {
  readonly kind: 'Values';
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Expr[])[];
}

/** The input's rows for which `predicate` is true (null counts as false). */
export interface Filter {
  readonly kind: 'Filter';
  readonly input: Relation;
  readonly predicate: Expr;
}

/** One output column per named expression, in order. */
export interface Project {
  readonly kind: 'Project';
  readonly input: Relation;
  readonly columns: readonly NamedExpr[];
}

/** One row per distinct combination of the group keys (one row in all without keys). */
export interface Aggregate {
  readonly kind: 'Aggregate';
  readonly input: Relation;
  readonly keys: readonly NamedExpr[];
  readonly aggregations: readonly Aggregation[];
}

/** A sort key; plans always say where nulls go. */
export interface SortKey {
  readonly expr: Expr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** The input's rows in order. */
export interface Sort {
  readonly kind: 'Sort';
  readonly input: Relation;
  readonly keys: readonly SortKey[];
}

/** At most `count` of the input's rows, whichever come (Kusto's `take`). */
export interface Limit {
  readonly kind: 'Limit';
  readonly input: Relation;
  readonly count: number;
}

/** The first `count` rows in the order of `keys` (Kusto's `top`). */
export interface TopN {
  readonly kind: 'TopN';
  readonly input: Relation;
  readonly keys: readonly SortKey[];
  readonly count: number;
}

/** The input's rows without duplicates. */
export interface Distinct {
  readonly kind: 'Distinct';
  readonly input: Relation;
}

/** Kusto's join flavours; `innerunique` keeps one left row per key before an inner join. */
export type JoinKind =
  | 'inner'
  | 'innerunique'
  | 'leftouter'
  | 'rightouter'
  | 'fullouter'
  | 'leftsemi'
  | 'leftanti'
  | 'rightsemi'
  | 'rightanti';

/** `left == right`, each side an expression over its own input. Nulls never match. */
export interface JoinCondition {
  readonly left: Expr;
  readonly right: Expr;
}

/**
 * Rows of two inputs matched on equal keys. Semi and anti joins return one side's columns;
 * the others return the left columns, then the right ones, a right column whose name is taken
 * getting the first free numeric suffix (`Computer` becomes `Computer1`).
 */
export interface Join {
  readonly kind: 'Join';
  readonly join: JoinKind;
  readonly left: Relation;
  readonly right: Relation;
  readonly on: readonly JoinCondition[];
}

/** Whether a union keeps every column of its inputs or only those all of them have. */
export type UnionKind = 'outer' | 'inner';

/**
 * The rows of all inputs, columns matched by name and type. With `outer`, a column an input
 * lacks is null for its rows, and a name that comes with several types becomes one column per
 * type, named `name_type`. `source`, when given, adds a first column naming each row's input.
 */
export interface Union {
  readonly kind: 'Union';
  readonly inputs: readonly Relation[];
  readonly union: UnionKind;
  readonly source?: { readonly name: string; readonly labels: readonly string[] };
}

/**
 * One row per element of a dynamic array (Kusto's `mv-expand`): the element, read as `type`,
 * replaces or appends the column `name`; `index`, when given, appends the element's position
 * from 0. A null expands to one row holding null, an empty array to none, any other value to
 * one row holding it.
 */
export interface Unnest {
  readonly kind: 'Unnest';
  readonly input: Relation;
  readonly name: string;
  readonly expr: Expr;
  readonly type: ScalarType;
  readonly index?: string;
}

export type Relation =
  | Scan
  | Values
  | Filter
  | Project
  | Aggregate
  | Sort
  | Limit
  | TopN
  | Distinct
  | Join
  | Union
  | Unnest;

export type RelationKind = Relation['kind'];
