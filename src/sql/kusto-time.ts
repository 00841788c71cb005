/**
 * Kusto's arithmetic and datetime functions as SQL. The operand types decide what `+` means:
 * a datetime plus a timespan is a datetime, a datetime minus a datetime a timespan, a timespan
 * divided by a timespan a real. Two integers make a long and divide with truncation; `%` is
 * never negative. `now()` and `ago()` read the instant the query was compiled for.
 */
import { InputError } from '../errors.js';
import { instant, lit, type Expr } from '../plan/expr.js';
import type { ArithmeticFunction, TimeFunction } from '../plan/functions.js';
import type { ScalarType } from '../plan/types.js';
import { normalizeTimeZone } from '../time/zone.js';
import type { SqlCompiler } from './compile.js';
import { arithmeticType, exprType } from './expr-type.js';
import { arity, constantArg, exprsOf, type FunctionSql } from './function-sql.js';
import { literalInteger } from './literals.js';
import { timeUnit } from './time-units.js';

/**
 * A number operand as SQL of the arithmetic's result type. It is left as it is when it already
 * has that type, and so is a constant, which the engine reads as wide as its partner.
 */
function number(c: SqlCompiler, expr: Expr, type: ScalarType | undefined): string {
  const own = exprType(expr);
  if (!type || own === type || expr.kind === 'Literal') return c.compile(expr);
  return c.compileAs(expr, type);
}

/** Both operands of a number operation, and the result type. */
function numbers(c: SqlCompiler, a: Expr, b: Expr): [string, string, ScalarType | undefined] {
  const type = arithmeticType('add', [a, b]);
  return [number(c, a, type), number(c, b, type), type];
}

function add(c: SqlCompiler, [a, b]: readonly Expr[]): string {
  const [left, right] = [exprType(a!), exprType(b!)];
  if (left === 'datetime' && right === 'timespan') return c.shiftDatetime(a!, b!, 1);
  if (left === 'timespan' && right === 'datetime') return c.shiftDatetime(b!, a!, 1);
  if (left === 'timespan' || right === 'timespan') return c.infix('+', [a!, b!]);
  const [x, y] = numbers(c, a!, b!);
  return `(${x} + ${y})`;
}

function subtract(c: SqlCompiler, [a, b]: readonly Expr[]): string {
  const [left, right] = [exprType(a!), exprType(b!)];
  if (left === 'datetime' && right === 'datetime') return c.datetimeDifference(a!, b!);
  if (left === 'datetime' && right === 'timespan') return c.shiftDatetime(a!, b!, -1);
  if (left === 'timespan' || right === 'timespan') return c.infix('-', [a!, b!]);
  const [x, y] = numbers(c, a!, b!);
  return `(${x} - ${y})`;
}

function multiply(c: SqlCompiler, [a, b]: readonly Expr[]): string {
  if (exprType(a!) === 'timespan') return c.scaleSpan(a!, b!, '*');
  if (exprType(b!) === 'timespan') return c.scaleSpan(b!, a!, '*');
  const [x, y] = numbers(c, a!, b!);
  return `(${x} * ${y})`;
}

function divide(c: SqlCompiler, [a, b]: readonly Expr[]): string {
  if (exprType(a!) === 'timespan') {
    return exprType(b!) === 'timespan' ? c.spanRatio(a!, b!) : c.scaleSpan(a!, b!, '/');
  }
  const [x, y, type] = numbers(c, a!, b!);
  return type === 'long' ? c.integerDivide(x, y) : `(${x} / ${y})`;
}

/** Kusto's `%`: the remainder taken between 0 and the divisor's magnitude. */
function modulo(c: SqlCompiler, [a, b]: readonly Expr[]): string {
  const [x, y] = numbers(c, a!, b!);
  const constant = literalInteger(b!);
  const size =
    constant === undefined
      ? `abs(${y})`
      : c.compile(lit(Number(constant < 0n ? -constant : constant)));
  return c.remainder(`(${c.remainder(x, y)} + ${size})`, size);
}

/**
 * Kusto's `bin` for numbers: the multiple of `size` at or below `value`; null when the size is
 * null, zero or negative.
 */
function binNumber(c: SqlCompiler, value: Expr, size: Expr): string {
  const type = exprType(value);
  const real = type === 'real' || exprType(size) === 'real';
  const [x, s] = [c.compile(value), c.compile(size)];
  const floored = real
    ? `(floor(${x} / ${s}) * ${s})`
    : `(${x} - ${c.remainder(`(${c.remainder(x, s)} + ${s})`, s)})`;
  const constant = literalInteger(size);
  if (constant !== undefined) return constant > 0n ? floored : c.typedNull(type ?? 'long');
  return `CASE WHEN ${s} > 0 THEN ${floored} END`;
}

function bin(c: SqlCompiler, [value, size]: readonly Expr[]): string {
  switch (exprType(value!)) {
    case 'datetime':
      return c.binDatetime(value!, size!);
    case 'timespan':
      return c.binSpan(value!, size!);
    default:
      return binNumber(c, value!, size!);
  }
}

/**
 * A time zone argument. A constant must be an IANA zone (Kusto takes no fixed offsets); it is
 * passed on in its canonical spelling.
 */
function zoneArg(zone: Expr): Expr {
  if (zone.kind !== 'Literal' || typeof zone.value !== 'string') return zone;
  const name = normalizeTimeZone(zone.value);
  if (name === undefined || /^[+-]/.test(name)) {
    throw new InputError(
      `'${zone.value}' is not a time zone: expected an IANA name such as 'Europe/Paris'`,
    );
  }
  return { ...zone, value: name };
}

/** `now()`, or `now(offset)`. */
function now(c: SqlCompiler, [offset]: readonly Expr[]): string {
  const current = instant(c.now);
  return offset ? c.shiftDatetime(current, offset, 1) : c.datetimeLiteral(c.now);
}

/** SQL of Kusto's arithmetic operators. */
export const KUSTO_ARITHMETIC_SQL = {
  add: exprsOf('add', 2, add),
  subtract: exprsOf('subtract', 2, subtract),
  multiply: exprsOf('multiply', 2, multiply),
  divide: exprsOf('divide', 2, divide),
  modulo: exprsOf('modulo', 2, modulo),
  negate: exprsOf('negate', 1, (c, [a]) => `(- ${c.compile(a!)})`),
} satisfies Record<ArithmeticFunction, FunctionSql>;

/** SQL of Kusto's datetime functions. */
export const KUSTO_DATETIME_SQL = {
  now: (c, args) => now(c, arity('now', args, 0, 1)),
  ago: exprsOf('ago', 1, (c, [span]) => c.shiftDatetime(instant(c.now), span!, -1)),
  bin: exprsOf('bin', 2, bin),
  datetimeAdd: exprsOf('datetimeAdd', 3, (c, [period, amount, value]) =>
    c.addPeriods(timeUnit(constantArg(period, 'datetimeAdd')), amount!, value!),
  ),
  datetimeDiff: exprsOf('datetimeDiff', 3, (c, [period, a, b]) =>
    c.countBoundaries(timeUnit(constantArg(period, 'datetimeDiff')), a!, b!),
  ),
  datetimeUtcToLocal: exprsOf('datetimeUtcToLocal', 2, (c, [value, zone]) =>
    c.utcToLocal(value!, zoneArg(zone!)),
  ),
} satisfies Record<TimeFunction, FunctionSql>;

/** SQL of every Kusto arithmetic operator and datetime function. */
export const KUSTO_TIME_SQL = { ...KUSTO_ARITHMETIC_SQL, ...KUSTO_DATETIME_SQL };
