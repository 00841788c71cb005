/**
 * Typed scalar expressions of the relational plan. Nodes are small readonly records tagged by
 * `kind`; build them with the factories at the bottom of this file.
 */
import type { FunctionName } from './functions.js';
import type { ScalarType } from './types.js';

export type { FunctionName } from './functions.js';

/**
 * A constant. `null` is a typed null. A `timespan` counts nanoseconds (a number or a bigint); a
 * `datetime` is an instant, written as ISO 8601 text in UTC or as a bigint count of nanoseconds
 * since 1970-01-01 UTC.
 */
export interface Literal {
  readonly kind: 'Literal';
  readonly type: ScalarType;
  readonly value: string | number | bigint | boolean | null;
}

/** A column of the stored layout (or of the relation below, once plans have inputs). */
export interface ColumnRef {
  readonly kind: 'ColumnRef';
  readonly name: string;
}

/**
 * A field of a Windows event by its Windows name (`CommandLine`, `TargetUserName`). The
 * engine decides where it lives: a typed column for the frequent ones, the leftovers otherwise.
 */
export interface EventField {
  readonly kind: 'EventField';
  readonly name: string;
  readonly type: ScalarType;
}

/** A field of a row kept whole (a table Quarry stores as it came), read as `type`. */
export interface RowField {
  readonly kind: 'RowField';
  readonly name: string;
  readonly type: ScalarType;
}

/** A function call; the function catalog gives its meaning and result type. */
export interface Call {
  readonly kind: 'Call';
  readonly fn: FunctionName;
  readonly args: readonly Expr[];
}

/** `case when ... then ... else ... end`. */
export interface Case {
  readonly kind: 'Case';
  readonly branches: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly otherwise: Expr;
}

/** A conversion that yields null when the value does not convert. */
export interface Cast {
  readonly kind: 'Cast';
  readonly type: ScalarType;
  readonly arg: Expr;
}

export type Expr = Literal | ColumnRef | EventField | RowField | Call | Case | Cast;

export const lit = (
  value: string | number | bigint | boolean | null,
  type?: ScalarType,
): Literal => ({
  kind: 'Literal',
  type: type ?? literalType(value),
  value,
});

function literalType(value: unknown): ScalarType {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'long';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'real';
  return 'string';
}

export const col = (name: string): ColumnRef => ({ kind: 'ColumnRef', name });
export const field = (name: string, type: ScalarType = 'string'): EventField => ({
  kind: 'EventField',
  name,
  type,
});
export const rowField = (name: string, type: ScalarType = 'string'): RowField => ({
  kind: 'RowField',
  name,
  type,
});
export const call = (fn: FunctionName, ...args: Expr[]): Call => ({ kind: 'Call', fn, args });
export const cast = (type: ScalarType, arg: Expr): Cast => ({ kind: 'Cast', type, arg });
export const caseWhen = (
  branches: readonly (readonly [Expr, Expr])[],
  otherwise: Expr = lit(null),
): Case => ({
  kind: 'Case',
  branches: branches.map(([when, then]) => ({ when, then })),
  otherwise,
});

/** Shorthands for the calls views use most. */
export const and = (...args: Expr[]): Expr => (args.length === 1 ? args[0]! : call('and', ...args));
export const or = (...args: Expr[]): Expr => (args.length === 1 ? args[0]! : call('or', ...args));
export const eq = (a: Expr, b: Expr | string | number): Call =>
  call('eq', a, typeof b === 'object' ? b : lit(b));
export const isIn = (a: Expr, values: readonly (string | number)[]): Call =>
  call('in', a, ...values.map((v) => lit(v)));
export const coalesce = (...args: Expr[]): Call => call('coalesce', ...args);
export const concat = (...args: (Expr | string)[]): Call =>
  call('concat', ...args.map((a) => (typeof a === 'string' ? lit(a) : a)));

/** A timespan constant of `ns` nanoseconds. */
export const span = (ns: bigint | number): Literal => lit(ns, 'timespan');
/** A datetime constant: ISO 8601 text in UTC, or nanoseconds since 1970-01-01 UTC. */
export const instant = (value: string | bigint): Literal => lit(value, 'datetime');
