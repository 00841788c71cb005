/**
 * Kusto's null tests, `coalesce`, and property access on `dynamic` values, as SQL. A string is
 * never null in Kusto, so `isnull` of a string is false and `coalesce` of strings takes the
 * first one that is not empty.
 */
import { NotSupportedError } from '../errors.js';
import type { Expr } from '../plan/expr.js';
import type { ValueFunction } from '../plan/functions.js';
import type { SqlCompiler } from './compile.js';
import { exprType } from './expr-type.js';
import { arity, exprsOf, type FunctionSql } from './function-sql.js';

/** Kusto's `isnull`: false for strings, which cannot be null. */
function isNull(c: SqlCompiler, value: Expr, negate: boolean): string {
  if (exprType(value) === 'string') return c.bool(negate);
  return `(${c.compile(value)} IS ${negate ? 'NOT ' : ''}NULL)`;
}

/**
 * Kusto's `coalesce`: the first argument that is not null, or for strings not empty (the
 * empty string when all are).
 */
function firstNonEmpty(c: SqlCompiler, all: readonly Expr[]): string {
  const type = exprType({ kind: 'Call', fn: 'firstNonEmpty', args: all });
  // A null constant adds nothing.
  const values = all.filter((a) => a.kind !== 'Literal' || a.value !== null);
  const args = values.length > 0 ? values : all;
  if (type !== 'string') {
    return c.firstNotNull(args.map((a) => (type ? c.compileAs(a, type) : c.compile(a))));
  }
  const empty = c.text('');
  const parts = args.map((a) => `NULLIF(${c.compileAs(a, 'string')}, ${empty})`);
  return c.firstNotNull([...parts, empty]);
}

/**
 * `d.name`, `d['name']` or `d[index]`: the key or index must be a constant (a negative index
 * counts from the end, as in Kusto).
 */
function dynamicGet(c: SqlCompiler, [value, key]: readonly Expr[]): string {
  const constant = key!.kind === 'Literal' ? key!.value : undefined;
  if (typeof constant === 'string') return c.dynamicGet(value!, constant);
  if (typeof constant === 'number' && Number.isInteger(constant)) {
    return c.dynamicGet(value!, constant);
  }
  if (typeof constant === 'bigint') return c.dynamicGet(value!, Number(constant));
  throw new NotSupportedError('dynamic property access with a computed key', c.on);
}

/** SQL of Kusto's null tests, coalesce and dynamic access. */
export const KUSTO_VALUE_SQL = {
  isNullValue: exprsOf('isNullValue', 1, (c, [value]) => isNull(c, value!, false)),
  isNotNullValue: exprsOf('isNotNullValue', 1, (c, [value]) => isNull(c, value!, true)),
  firstNonEmpty: (c, args) => firstNonEmpty(c, arity('firstNonEmpty', args, 1, Infinity)),
  dynamicGet: exprsOf('dynamicGet', 2, dynamicGet),
} satisfies Record<ValueFunction, FunctionSql>;
