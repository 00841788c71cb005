/**
 * The base compiler from plan expressions to SQL text. It writes what every engine spells the
 * same way (boolean logic, comparisons, `CASE`, `coalesce`) and asks its dialect subclass for
 * the rest through the abstract methods below; a dialect that cannot express something throws
 * `NotSupportedError` naming the feature and the engine.
 *
 * Names reach the SQL text only through the dialect's `identifier`, values only through its
 * `literal`.
 */
import type { Instant } from '../engine/engine.js';
import { assertNever, InternalError, NotSupportedError } from '../errors.js';
import type { Call, Expr, FunctionName, Literal } from '../plan/expr.js';
import type { ScalarType } from '../plan/types.js';
import type { Dialect } from './dialect.js';
import { exprType } from './expr-type.js';
import { FUNCTION_SQL } from './functions.js';
import { literalInstantNanos } from './literals.js';
import type { TimeUnit } from './time-units.js';

/** What a query fixes when it is compiled. */
export interface CompileOptions {
  /**
   * The instant `now()` and `ago()` read, the same everywhere in the query (the CLI's `--now`).
   * The time the compiler was made, when not given.
   */
  readonly now?: Instant;
}

export abstract class SqlCompiler {
  /** `now()`, as nanoseconds since 1970 UTC. */
  readonly now: bigint;

  constructor(
    readonly dialect: Dialect,
    options: CompileOptions = {},
  ) {
    this.now = options.now?.epochNs ?? BigInt(Date.now()) * 1_000_000n;
  }

  /** The SQL of an expression. */
  compile(expr: Expr): string {
    switch (expr.kind) {
      case 'Literal':
        return this.literal(expr);
      case 'ColumnRef':
        return this.columnRef(expr.name);
      case 'EventField':
        return this.eventField(expr.name, expr.type);
      case 'RowField':
        return this.rowField(expr.name, expr.type);
      case 'Call':
        return this.call(expr);
      case 'Case':
        return this.caseWhen(expr.branches, expr.otherwise);
      case 'Cast':
        return this.convert(this.compile(expr.arg), exprType(expr.arg), expr.type);
      default:
        return assertNever(expr, 'expression');
    }
  }

  /** The SQL of an expression read as `type`: converted only when its own type differs. */
  compileAs(expr: Expr, type: ScalarType): string {
    if (expr.kind === 'Literal') return this.literalAs(expr, type);
    const own = exprType(expr);
    const sql = this.compile(expr);
    return own === type ? sql : this.convert(sql, own, type);
  }

  /** A constant of exactly `type`, where a bare number would take the engine's guess. */
  protected literalAs(expr: Literal, type: ScalarType): string {
    if (expr.value === null) return this.typedNull(type);
    if (expr.type !== type) return this.convert(this.literal(expr), expr.type, type);
    if (type === 'string' || type === 'bool' || type === 'timespan' || type === 'datetime') {
      return this.literal(expr);
    }
    return `CAST(${this.dialect.literal(expr.value)} AS ${this.dialect.typeName(type)})`;
  }

  /** An integer the compiler computed, written exactly whatever its size. */
  integer(value: bigint): string {
    return Number.isSafeInteger(Number(value))
      ? this.dialect.literal(Number(value))
      : `CAST(${this.dialect.literal(value.toString())} AS ${this.dialect.typeName('long')})`;
  }

  /** A boolean constant. */
  bool(value: boolean): string {
    return this.dialect.literal(value);
  }

  /** A quoted name. */
  name(name: string): string {
    return this.dialect.identifier(name);
  }

  /** A string constant. */
  text(value: string): string {
    return this.dialect.literal(value);
  }

  /**
   * A string read the Kusto way: Kusto has no null string, so a null reads as the empty string.
   * Other types are converted with `tostring`'s rules first.
   */
  textOf(expr: Expr): string {
    if (expr.kind === 'Literal' && expr.value === null) return this.text('');
    if (expr.kind === 'Literal' && expr.type === 'string') return this.compile(expr);
    return `coalesce(${this.compileAs(expr, 'string')}, ${this.text('')})`;
  }

  /** A null of the given type. */
  typedNull(type: ScalarType): string {
    return `CAST(NULL AS ${this.dialect.typeName(type)})`;
  }

  /** The text of a literal argument a function needs at compile time (a pattern, a name). */
  constantText(expr: Expr | undefined, fn: FunctionName): string {
    if (expr?.kind !== 'Literal' || typeof expr.value !== 'string') {
      throw new InternalError(`${fn} takes a string constant here`);
    }
    return expr.value;
  }

  /** `(a AND b AND ...)`, `(a = b)` and the like. */
  infix(operator: string, args: readonly Expr[]): string {
    return `(${args.map((a) => this.compile(a)).join(` ${operator} `)})`;
  }

  /** SQL's `coalesce`: the first of the values that is not null. */
  firstNotNull(parts: readonly string[]): string {
    return `coalesce(${parts.join(', ')})`;
  }

  /** A regular expression match whose pattern is computed for each row. */
  computedRegexMatch(text: string, pattern: string): string {
    return this.regexMatch(text, pattern);
  }

  /** `(a IN (b, c))`. */
  inList(value: Expr, candidates: readonly Expr[]): string {
    const list = candidates.map((c) => this.compile(c)).join(', ');
    return `(${this.compile(value)} IN (${list}))`;
  }

  /** Text in lower case, whatever its alphabet. */
  lowerCase(text: string): string {
    return `lower(${text})`;
  }

  /** Text in upper case, whatever its alphabet. */
  upperCase(text: string): string {
    return `upper(${text})`;
  }

  protected call(expr: Call): string {
    return FUNCTION_SQL[expr.fn](this, expr.args);
  }

  protected caseWhen(branches: readonly { when: Expr; then: Expr }[], otherwise: Expr): string {
    const type = exprType({ kind: 'Case', branches, otherwise }) ?? 'string';
    const whens = branches.map(
      (b) => `WHEN ${this.compile(b.when)} THEN ${this.compileAs(b.then, type)}`,
    );
    return `CASE ${whens.join(' ')} ELSE ${this.compileAs(otherwise, type)} END`;
  }

  protected literal(expr: Literal): string {
    const { value, type } = expr;
    if (value === null) return this.typedNull(type);
    if (type === 'timespan') return this.timespanLiteral(value);
    if (type === 'datetime' && typeof value === 'bigint') return this.datetimeLiteral(value);
    const integer = typeof value === 'number' && Number.isInteger(value);
    const real = typeof value === 'number' && !integer;
    // A dialect writes integers as the engine's integers and other numbers as its reals.
    if (
      type === 'string' ||
      type === 'bool' ||
      ((type === 'int' || type === 'long') && integer) ||
      (type === 'real' && real)
    ) {
      return this.dialect.literal(value);
    }
    return `CAST(${this.dialect.literal(value)} AS ${this.dialect.typeName(type)})`;
  }

  /** A timespan constant; the value counts nanoseconds. */
  protected timespanLiteral(value: string | number | bigint | boolean): string {
    throw new NotSupportedError(`the timespan constant ${String(value)}`, this.on);
  }

  /** The nanoseconds since 1970 of a datetime constant, checked at compile time. */
  protected instantNanos(expr: Literal): bigint {
    const ns = literalInstantNanos(expr);
    if (ns === undefined) throw new InternalError(`not a datetime constant: ${String(expr.value)}`);
    return ns;
  }

  /** `on <engine>`, for `NotSupportedError`s. */
  get on(): string {
    return `on ${this.dialect.name}`;
  }

  // Engine primitives. Arguments are SQL text unless they say otherwise.

  /** A column of the stored layout, read as its Kusto type (see `schema/layout.ts`). */
  abstract columnRef(name: string): string;
  /** A Windows event-data field by name: its own column when promoted, else the leftovers. */
  abstract eventField(name: string, type: ScalarType): string;
  /** A column of a row kept whole, read as `type`. */
  abstract rowField(name: string, type: ScalarType): string;
  /** A null-tolerant conversion from `from` (when known) to `to`. */
  abstract convert(sql: string, from: ScalarType | undefined, to: ScalarType): string;

  /** Kusto's `strcat`: the parts as text, a null part counting as empty. */
  abstract concat(parts: readonly string[]): string;
  abstract startsWith(text: string, prefix: string): string;
  abstract endsWith(text: string, suffix: string): string;
  abstract contains(text: string, part: string): string;
  /** The last part of a Windows or POSIX path, as written. */
  abstract fileName(path: string): string;
  /** A path without its last part. */
  abstract folderPath(path: string): string;
  /** A capture group of an RE2 pattern; null when nothing (or the empty string) is captured. */
  abstract regexExtract(text: string, pattern: string, group: number): string;
  abstract regexMatch(text: string, pattern: string): string;
  /** Every occurrence of `find` (plain text) replaced. */
  abstract replaceText(text: string, find: string, replacement: string): string;
  /** Text escaped for XML content and attribute values. */
  abstract xmlEscape(text: string): string;

  /** A dynamic array of the values. */
  abstract array(items: readonly Expr[]): string;
  /** Text split at every `separator`, as a dynamic array. */
  abstract split(text: Expr, separator: Expr): string;
  /** A dynamic array without its null and empty elements. */
  abstract arrayCompact(array: Expr): string;
  /** A dynamic array's elements joined with `separator`. */
  abstract arrayJoin(array: Expr, separator: Expr): string;
  abstract arrayLength(array: Expr): string;

  /** Hexadecimal text (with or without `0x`) to a long; null when it is not one. */
  abstract hexToLong(text: string): string;
  /** A long as `0x` and lower-case hexadecimal digits (two's complement when negative). */
  abstract toHex(value: string): string;
  abstract bitAnd(a: string, b: string): string;
  /** The SHA-1 digest of text, as lower-case hexadecimal. */
  abstract sha1(text: string): string;
  /** A datetime as text, following a Kusto `format_datetime` pattern. */
  abstract formatDatetime(value: string, pattern: string): string;

  // Primitives of the Kusto functions (see `kusto-*.ts`).

  /** The number of Unicode code points in text. */
  abstract charLength(text: string): string;
  /** `length` code points of text from the 1-based code point `start`. */
  abstract charSubstring(text: string, start: string, length: string): string;
  /** Text with RE2's special characters escaped, to match itself in a pattern. */
  abstract regexEscape(text: string): string;
  /** `a / b` for integers, truncated towards zero; null when `b` is 0. */
  abstract integerDivide(a: string, b: string): string;
  /** SQL's remainder (the sign of `a`), for integers and reals; null when `b` is 0. */
  abstract remainder(a: string, b: string): string;
  /** A datetime constant, in nanoseconds since 1970 UTC. */
  abstract datetimeLiteral(ns: bigint): string;
  /** A datetime moved by a timespan, forward (`1`) or back (`-1`). */
  abstract shiftDatetime(value: Expr, span: Expr, sign: 1 | -1): string;
  /** The timespan from `b` to `a`. */
  abstract datetimeDifference(a: Expr, b: Expr): string;
  /** A timespan multiplied or divided by a number. */
  abstract scaleSpan(span: Expr, factor: Expr, op: '*' | '/'): string;
  /** How many times `b` fits in `a`, as a real. */
  abstract spanRatio(a: Expr, b: Expr): string;
  /** A datetime rounded down to a multiple of a timespan since 1970-01-01. */
  abstract binDatetime(value: Expr, size: Expr): string;
  /** A timespan rounded down to a multiple of another. */
  abstract binSpan(value: Expr, size: Expr): string;
  /** Kusto's `datetime_add`: `amount` periods of `unit` added to a datetime. */
  abstract addPeriods(unit: TimeUnit, amount: Expr, value: Expr): string;
  /** Kusto's `datetime_diff`: the `unit` boundaries between `b` and `a`, negative when a < b. */
  abstract countBoundaries(unit: TimeUnit, a: Expr, b: Expr): string;
  /** Kusto's `datetime_utc_to_local`: the wall-clock time in `zone`, daylight saving included. */
  abstract utcToLocal(value: Expr, zone: Expr): string;
  /**
   * Kusto's `split`: text (a null read as empty) split at every `separator`, as a dynamic
   * array; with `index`, an array of just the part at that 0-based index, or an empty array
   * when there is no such part.
   */
  abstract splitText(text: Expr, separator: Expr, index?: Expr): string;
  /** An element of a dynamic array (an index) or object (a key), as dynamic. */
  abstract dynamicGet(value: Expr, key: string | number): string;

  /** A field the source added around the event (exporter and workspace columns), as text. */
  abstract extraField(name: string): string;
  /** The event's fields as `<Data Name=...>value</Data>` elements, attributes in `quote`. */
  abstract eventDataXml(quote: '"' | "'"): string;
  /** The event's field values as `<Param>value</Param>` elements, in order. */
  abstract eventDataParams(): string;
  /** The event's fields as lines of `Name: value`. */
  abstract eventDataText(): string;
  /** The event's fields as a dynamic object. */
  abstract eventDataJson(): string;
  /** A row kept whole, as a dynamic object. */
  abstract rowJson(): string;
}
