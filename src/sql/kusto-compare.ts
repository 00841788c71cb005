/**
 * Kusto's comparisons as SQL. Strings compare with a null read as the empty string (Kusto has
 * no null string), so a string comparison is never null. Other types follow Kusto's null rules:
 * `==` between two nulls is null and between a null and a value false; `<`, `between` and the
 * like are null when an operand is.
 */
import type { Expr } from '../plan/expr.js';
import type { ComparisonFunction } from '../plan/functions.js';
import { isNumeric, type ScalarType } from '../plan/types.js';
import type { SqlCompiler } from './compile.js';
import { exprType } from './expr-type.js';
import { arity, exprsOf, type FunctionSql } from './function-sql.js';

/** The type two operands are compared as: the first one that says. */
function operandType(a: Expr, b: Expr): ScalarType | undefined {
  const left = exprType(a);
  return left !== undefined && !isNullLiteral(a) ? left : (exprType(b) ?? left);
}

function isNullLiteral(expr: Expr): boolean {
  return expr.kind === 'Literal' && expr.value === null;
}

/** Both operands as SQL of one type: text read the Kusto way for strings. */
function operands(c: SqlCompiler, a: Expr, b: Expr): [string, string, ScalarType | undefined] {
  const type = operandType(a, b);
  if (type === 'string') return [c.textOf(a), c.textOf(b), type];
  return [operand(c, a, type), operand(c, b, type), type];
}

/**
 * One operand, converted only when it is a constant of another kind (a datetime written as
 * text): numbers of different widths compare as they are.
 */
function operand(c: SqlCompiler, expr: Expr, type: ScalarType | undefined): string {
  const own = exprType(expr);
  const convert =
    type !== undefined &&
    own !== type &&
    expr.kind === 'Literal' &&
    !(own !== undefined && isNumeric(own) && isNumeric(type));
  return convert ? c.compileAs(expr, type) : c.compile(expr);
}

/**
 * Kusto's `==`. Where one side is a constant it cannot be null, so only the other side's null
 * needs handling, and `coalesce(... , false)` does it.
 */
export function kustoEqual(c: SqlCompiler, a: Expr, b: Expr): string {
  const [left, right, type] = operands(c, a, b);
  if (type === 'string') return `(${left} = ${right})`;

  if (isNullLiteral(a) || isNullLiteral(b)) {
    const other = isNullLiteral(a) ? right : left;
    return `CASE WHEN ${other} IS NULL THEN NULL ELSE ${c.bool(false)} END`;
  }
  const equal = `coalesce(${left} = ${right}, ${c.bool(false)})`;
  if (a.kind === 'Literal' || b.kind === 'Literal') return equal;
  return `CASE WHEN ${left} IS NULL AND ${right} IS NULL THEN NULL ELSE ${equal} END`;
}

/** An ordering comparison: null when an operand is null, as in SQL. */
const ordering =
  (fn: ComparisonFunction, operator: string): FunctionSql =>
  (c, args) => {
    const [a, b] = arity(fn, args, 2);
    const [left, right] = operands(c, a!, b!);
    return `(${left} ${operator} ${right})`;
  };

/** `x between (lo .. hi)`; `hi` may be a timespan after a datetime `lo`. */
function between(c: SqlCompiler, [value, low, high]: readonly Expr[]): string {
  const type = operandType(value!, low!);
  const sql = (e: Expr) => (type === 'string' ? c.textOf(e) : operand(c, e, type));
  const top =
    exprType(low!) === 'datetime' && exprType(high!) === 'timespan'
      ? c.shiftDatetime(low!, high!, 1)
      : sql(high!);
  return `(${sql(value!)} BETWEEN ${sql(low!)} AND ${top})`;
}

/**
 * Kusto's `in`: `==` against each candidate, or'ed. Strings compare as text that is never null;
 * other values take the fast path of SQL's `IN` when every candidate is a constant.
 */
function equalAny(c: SqlCompiler, [value, ...candidates]: readonly Expr[]): string {
  const type = exprType(value!) ?? candidates.map((e) => exprType(e)).find((t) => t);
  if (type === 'string') {
    return `(${c.textOf(value!)} IN (${candidates.map((e) => c.textOf(e)).join(', ')}))`;
  }
  if (!candidates.every((e) => e.kind === 'Literal')) {
    return `(${candidates.map((e) => kustoEqual(c, value!, e)).join(' OR ')})`;
  }

  const sql = c.compile(value!);
  const values = candidates.filter((e) => !isNullLiteral(e));
  const list = values.map((e) => operand(c, e, type));
  const found = list.length ? `coalesce(${sql} IN (${list.join(', ')}), ${c.bool(false)})` : '';
  if (values.length === candidates.length) return found;
  // A null candidate makes a null value's comparison null rather than false.
  return `CASE WHEN ${sql} IS NULL THEN NULL ELSE ${found || c.bool(false)} END`;
}

/** Kusto's `in~`: strings compared lower-cased. */
function equalAnyIgnoringCase(c: SqlCompiler, [value, ...candidates]: readonly Expr[]): string {
  const list = candidates.map((e) => c.lowerCase(c.textOf(e)));
  return `(${c.lowerCase(c.textOf(value!))} IN (${list.join(', ')}))`;
}

/** SQL of Kusto's comparison operators. */
export const KUSTO_COMPARISON_SQL = {
  equal: exprsOf('equal', 2, (c, [a, b]) => kustoEqual(c, a!, b!)),
  equalIgnoreCase: exprsOf(
    'equalIgnoreCase',
    2,
    (c, [a, b]) => `(${c.lowerCase(c.textOf(a!))} = ${c.lowerCase(c.textOf(b!))})`,
  ),
  less: ordering('less', '<'),
  lessOrEqual: ordering('lessOrEqual', '<='),
  greater: ordering('greater', '>'),
  greaterOrEqual: ordering('greaterOrEqual', '>='),
  between: exprsOf('between', 3, between),
  equalAny: (c, args) => equalAny(c, arity('equalAny', args, 2, Infinity)),
  equalAnyIgnoreCase: (c, args) =>
    equalAnyIgnoringCase(c, arity('equalAnyIgnoreCase', args, 2, Infinity)),
} satisfies Record<ComparisonFunction, FunctionSql>;
