/**
 * The aggregate functions a plan's `Aggregate` computes: a closed set, each with the shape
 * of arguments it takes. Every aggregation ignores null values, as Kusto's do, except `count`
 * without an argument, which counts rows.
 */
import { assertNever, InternalError } from '../errors.js';
import type { Expr } from './expr.js';
import type { NamedExpr } from './relation.js';
import type { ScalarType } from './types.js';

/** Rows (`count()`), or rows where `arg` is not null (SPL's `count(field)`). */
export interface CountAggregation {
  readonly fn: 'count';
  readonly name: string;
  readonly arg?: Expr;
}

/** Rows where `arg` is true. */
export interface CountIfAggregation {
  readonly fn: 'countif';
  readonly name: string;
  readonly arg: Expr;
}

/**
 * One value computed from `arg`: distinct values (`dcount`, exact here where Kusto estimates),
 * `sum`, `avg`, `min`, `max`, or any one value (`take_any`).
 */
export interface ValueAggregation {
  readonly fn: 'dcount' | 'sum' | 'avg' | 'min' | 'max' | 'any';
  readonly name: string;
  readonly arg: Expr;
}

/**
 * The row where `arg` is largest (`arg_max`) or smallest (`arg_min`): the column `name` holds
 * that extreme and `returns` the other values of the same row (Kusto's `arg_max(x, a, b)`;
 * `arg_max(x, *)` lists every input column).
 */
export interface ArgAggregation {
  readonly fn: 'arg_max' | 'arg_min';
  readonly name: string;
  readonly arg: Expr;
  readonly returns: readonly NamedExpr[];
}

/** The values of `arg` as a dynamic array: distinct ones (`make_set`) or all (`make_list`). */
export interface CollectAggregation {
  readonly fn: 'make_set' | 'make_list';
  readonly name: string;
  readonly arg: Expr;
  /** At most this many elements. */
  readonly maxSize?: number;
}

export type Aggregation =
  CountAggregation | CountIfAggregation | ValueAggregation | ArgAggregation | CollectAggregation;

export type AggregateFn = Aggregation['fn'];

/** The columns an aggregation adds to the output, given the type of each expression. */
export function aggregationColumns(
  agg: Aggregation,
  typeOf: (expr: Expr) => ScalarType,
): { name: string; type: ScalarType }[] {
  switch (agg.fn) {
    case 'count':
    case 'countif':
    case 'dcount':
      return [{ name: agg.name, type: 'long' }];
    case 'sum':
      return [{ name: agg.name, type: sumType(typeOf(agg.arg)) }];
    case 'avg':
      return [{ name: agg.name, type: typeOf(agg.arg) === 'decimal' ? 'decimal' : 'real' }];
    case 'min':
    case 'max':
    case 'any':
      return [{ name: agg.name, type: typeOf(agg.arg) }];
    case 'arg_max':
    case 'arg_min':
      return [
        { name: agg.name, type: typeOf(agg.arg) },
        ...agg.returns.map((r) => ({ name: r.name, type: typeOf(r.expr) })),
      ];
    case 'make_set':
    case 'make_list':
      return [{ name: agg.name, type: 'dynamic' }];
    default:
      return assertNever(agg, 'aggregation');
  }
}

/** Kusto sums integers as longs and keeps reals, decimals and timespans as they are. */
function sumType(type: ScalarType): ScalarType {
  if (type === 'int' || type === 'long' || type === 'bool') return 'long';
  if (type === 'real' || type === 'decimal' || type === 'timespan') return type;
  throw new InternalError(`sum of a ${type}`);
}

/** Every expression an aggregation reads, for checks and printing. */
export function aggregationArgs(agg: Aggregation): Expr[] {
  switch (agg.fn) {
    case 'count':
      return agg.arg ? [agg.arg] : [];
    case 'arg_max':
    case 'arg_min':
      return [agg.arg, ...agg.returns.map((r) => r.expr)];
    case 'countif':
    case 'dcount':
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
    case 'any':
    case 'make_set':
    case 'make_list':
      return [agg.arg];
    default:
      return assertNever(agg, 'aggregation');
  }
}
