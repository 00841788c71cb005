/**
 * Constants a compiler reads at compile time: the nanoseconds of a timespan or datetime
 * constant, an integer argument. Knowing them lets the SQL use exact integers where a
 * computed value would go through an engine's coarser types.
 */
import type { Expr } from '../plan/expr.js';
import { parseInstant } from '../time/parse.js';

/** The nanoseconds of a timespan constant, or `undefined` when `expr` is not one. */
export function literalNanos(expr: Expr): bigint | undefined {
  if (expr.kind !== 'Literal' || expr.type !== 'timespan') return undefined;
  const { value } = expr;
  if (typeof value === 'bigint') return value;
  return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : undefined;
}

/**
 * The nanoseconds since 1970 UTC of a datetime constant (ISO 8601 text in UTC, or a bigint of
 * nanoseconds), or `undefined` when `expr` is not one.
 */
export function literalInstantNanos(expr: Expr): bigint | undefined {
  if (expr.kind !== 'Literal' || expr.type !== 'datetime') return undefined;
  const { value } = expr;
  if (typeof value === 'bigint') return value;
  return typeof value === 'string' ? parseInstant(value, 'UTC')?.epochNs : undefined;
}

/** The value of an integer constant, or `undefined` when `expr` is not one. */
export function literalInteger(expr: Expr): bigint | undefined {
  if (expr.kind !== 'Literal') return undefined;
  const { value } = expr;
  if (typeof value === 'bigint') return value;
  return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : undefined;
}

/** The text of a string constant, or `undefined` when `expr` is not one. */
export function literalText(expr: Expr): string | undefined {
  return expr.kind === 'Literal' && typeof expr.value === 'string' ? expr.value : undefined;
}

/** Floor division of integers: the quotient rounded towards minus infinity. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
