/**
 * The ClickHouse dialect of the expression compiler, for 18.16 and later. Case-insensitive
 * tests lower both sides with `lowerUTF8` (18.16 has no `ILIKE`, and its `(?i)` misses
 * matches); regular expressions are RE2 through `match`, whose pattern must be a constant;
 * dynamic arrays are ClickHouse arrays. Datetimes and timespans follow `clickhouse-time.ts`.
 *
 * The stored layout on ClickHouse is read as plain columns by name, and event-data fields
 * without a column of their own from the parallel arrays `DataNames` and `DataValues`. What
 * 18.16 cannot express raises `NotSupportedError` naming the feature.
 */
import { NotSupportedError } from '../errors.js';
import type { Expr, Literal } from '../plan/expr.js';
import type { ScalarType } from '../plan/types.js';
import { isPromoted } from '../schema/layout.js';
import { CLICKHOUSE_DIALECT } from './clickhouse-dialect.js';
import { clickhouseFormatDatetime } from './clickhouse-format.js';
import { ClickHouseText } from './clickhouse-text.js';
import { ClickHouseTime } from './clickhouse-time.js';
import { SqlCompiler, type CompileOptions } from './compile.js';
import { exprType } from './expr-type.js';
import type { TimeUnit } from './time-units.js';

/** SQL that is a constant integer other than 0: a divisor that needs no guard. */
const NONZERO_INTEGER = /^-?[1-9][0-9]*$/;

/** Compiles plan expressions for ClickHouse. */
export class ClickHouseCompiler extends SqlCompiler {
  private readonly time = new ClickHouseTime(this);
  private readonly textual = new ClickHouseText(this, this.time);

  /** @param options what the query fixes, such as the instant `now()` reads. */
  constructor(options: CompileOptions = {}) {
    super(CLICKHOUSE_DIALECT, options);
  }

  override compile(expr: Expr): string {
    if (expr.kind === 'Cast' && expr.type === 'string' && exprType(expr.arg) === 'dynamic') {
      return this.textual.dynamicText(expr.arg);
    }
    return super.compile(expr);
  }

  override compileAs(expr: Expr, type: ScalarType): string {
    if (type === 'string' && expr.kind !== 'Literal' && exprType(expr) === 'dynamic') {
      return this.textual.dynamicText(expr);
    }
    return super.compileAs(expr, type);
  }

  override lowerCase(text: string): string {
    return `lowerUTF8(${text})`;
  }

  override upperCase(text: string): string {
    return `upperUTF8(${text})`;
  }

  override computedRegexMatch(): string {
    throw new NotSupportedError('a regular expression computed for each row', this.on);
  }

  columnRef(name: string): string {
    return this.name(name);
  }

  eventField(name: string, type: ScalarType): string {
    return isPromoted(name)
      ? this.convert(this.name(name), 'string', type)
      : this.rowField(name, type);
  }

  /** A leftover field, from the parallel arrays `DataNames` and `DataValues`. */
  rowField(name: string, type: ScalarType): string {
    const [names, values, key] = [this.name('DataNames'), this.name('DataValues'), this.text(name)];
    const text = `if(has(${names}, ${key}), ${values}[indexOf(${names}, ${key})], NULL)`;
    return this.convert(text, 'string', type);
  }

  convert(sql: string, from: ScalarType | undefined, to: ScalarType): string {
    return this.textual.convert(sql, from, to);
  }

  concat(parts: readonly string[]): string {
    const texts = parts.map((p) => `ifNull(${p}, ${this.text('')})`);
    if (texts.length === 0) return this.text('');
    return texts.length === 1 ? texts[0]! : `concat(${texts.join(', ')})`;
  }

  startsWith(text: string, prefix: string): string {
    return `startsWith(${text}, ${prefix})`;
  }

  endsWith(text: string, suffix: string): string {
    return `endsWith(${text}, ${suffix})`;
  }

  contains(text: string, part: string): string {
    return `(position(${text}, ${part}) > 0)`;
  }

  fileName(path: string): string {
    return `replaceRegexpOne(${path}, ${this.text('^.*[/\\\\]')}, ${this.text('')})`;
  }

  folderPath(path: string): string {
    return `replaceRegexpOne(${path}, ${this.text('[/\\\\][^/\\\\]*$')}, ${this.text('')})`;
  }

  regexExtract(text: string, pattern: string, group: number): string {
    return this.textual.regexExtract(text, pattern, group);
  }

  regexMatch(text: string, pattern: string): string {
    return `match(${text}, ${pattern})`;
  }

  replaceText(text: string, find: string, replacement: string): string {
    return `replaceAll(${text}, ${find}, ${replacement})`;
  }

  xmlEscape(text: string): string {
    return this.textual.xmlEscape(text);
  }

  array(items: readonly Expr[]): string {
    return `array(${items.map((i) => this.compile(i)).join(', ')})`;
  }

  split(text: Expr, separator: Expr): string {
    const whole = `ifNull(${this.compile(text)}, ${this.text('')})`;
    return `splitByString(${this.compile(separator)}, ${whole})`;
  }

  arrayCompact(array: Expr): string {
    const kept = `isNotNull(x) AND x != ${this.text('')}`;
    return `arrayFilter(x -> ${kept}, ${this.textual.arrayOf(array)})`;
  }

  arrayJoin(array: Expr, separator: Expr): string {
    return `arrayStringConcat(${this.textual.arrayOf(array)}, ${this.compile(separator)})`;
  }

  arrayLength(array: Expr): string {
    return `toInt64(length(${this.textual.arrayOf(array)}))`;
  }

  hexToLong(): string {
    throw new NotSupportedError('hexadecimal text to a long', this.on);
  }

  toHex(value: string): string {
    const digits = `lower(hex(toUInt64(${value})))`;
    const significant = `replaceRegexpOne(${digits}, ${this.text('^0+(.)')}, ${this.text('\\1')})`;
    return `concat(${this.text('0x')}, ${significant})`;
  }

  bitAnd(a: string, b: string): string {
    return `bitAnd(${a}, ${b})`;
  }

  sha1(text: string): string {
    return `lower(hex(SHA1(${text})))`;
  }

  formatDatetime(value: string, pattern: string): string {
    return clickhouseFormatDatetime(this, value, pattern);
  }

  extraField(): string {
    throw new NotSupportedError('exporter fields of the stored layout', this.on);
  }

  eventDataXml(): string {
    throw new NotSupportedError('the event data rendered as XML', this.on);
  }

  eventDataParams(): string {
    throw new NotSupportedError('the event data rendered as parameters', this.on);
  }

  eventDataText(): string {
    throw new NotSupportedError('the event data rendered as text', this.on);
  }

  eventDataJson(): string {
    throw new NotSupportedError('the event data as a dynamic object', this.on);
  }

  rowJson(): string {
    throw new NotSupportedError('a kept row as a dynamic object', this.on);
  }

  charLength(text: string): string {
    return `toInt64(lengthUTF8(${text}))`;
  }

  /** `substringUTF8` takes only constants on 18.16; else the text is cut into code points. */
  charSubstring(text: string, start: string, length: string): string {
    if (/^\d+$/.test(start) && /^\d+$/.test(length)) {
      return `substringUTF8(${text}, ${start}, ${length})`;
    }
    const points = `extractAll(${text}, ${this.text('(?s).')})`;
    return `arrayStringConcat(arraySlice(${points}, ${start}, ${length}))`;
  }

  regexEscape(text: string): string {
    const special = this.text('([\\\\^$.|?*+()\\[\\]{}])');
    return `replaceRegexpAll(${text}, ${special}, ${this.text('\\\\\\1')})`;
  }

  integerDivide(a: string, b: string): string {
    if (NONZERO_INTEGER.test(b)) return `intDiv(${a}, ${b})`;
    // ClickHouse evaluates both branches of `if`, so the divisor is kept from being 0.
    return `if(${b} = 0, NULL, intDiv(${a}, if(${b} = 0, 1, ${b})))`;
  }

  remainder(a: string, b: string): string {
    if (NONZERO_INTEGER.test(b)) return `(${a} % ${b})`;
    return `if(${b} = 0, NULL, ${a} % if(${b} = 0, 1, ${b}))`;
  }

  datetimeLiteral(ns: bigint): string {
    return this.time.literal(ns);
  }

  shiftDatetime(value: Expr, span: Expr, sign: 1 | -1): string {
    return this.time.shift(value, span, sign);
  }

  datetimeDifference(a: Expr, b: Expr): string {
    return this.time.difference(a, b);
  }

  scaleSpan(span: Expr, factor: Expr, op: '*' | '/'): string {
    return this.time.scale(span, factor, op);
  }

  spanRatio(a: Expr, b: Expr): string {
    return this.time.ratio(a, b);
  }

  binDatetime(value: Expr, size: Expr): string {
    return this.time.binDatetime(value, size);
  }

  binSpan(value: Expr, size: Expr): string {
    return this.time.binSpan(value, size);
  }

  addPeriods(unit: TimeUnit, amount: Expr, value: Expr): string {
    return this.time.addPeriods(unit, amount, value);
  }

  countBoundaries(unit: TimeUnit, a: Expr, b: Expr): string {
    return this.time.countBoundaries(unit, a, b);
  }

  utcToLocal(value: Expr, zone: Expr): string {
    return this.time.utcToLocal(value, zone);
  }

  splitText(text: Expr, separator: Expr, index?: Expr): string {
    return this.textual.splitText(text, separator, index);
  }

  dynamicGet(value: Expr, key: string | number): string {
    return this.textual.dynamicGet(value, key);
  }

  /** Datetimes are written as whole seconds (see `clickhouse-time.ts`). */
  protected override literal(expr: Literal): string {
    if (expr.type === 'datetime' && expr.value !== null) {
      return this.time.literal(this.instantNanos(expr));
    }
    return super.literal(expr);
  }

  /**
   * Nested `ifNull`s: 18.16 crashes on a `coalesce` whose later arguments include a `Nullable`
   * constant (`coalesce(x, CAST(33 AS Nullable(Int64)))`), and `ifNull` does not.
   */
  override firstNotNull(parts: readonly string[]): string {
    return parts
      .slice(0, -1)
      .reduceRight((rest, part) => `ifNull(${part}, ${rest})`, parts.at(-1)!);
  }

  protected override timespanLiteral(value: string | number | bigint | boolean): string {
    if (typeof value !== 'number' && typeof value !== 'bigint') {
      throw new NotSupportedError(`the timespan constant ${String(value)}`, this.on);
    }
    return this.integer(BigInt(value));
  }
}
