/**
 * The DuckDB dialect of the expression compiler. Event-data fields without a column of their
 * own, and the columns of rows kept whole, are read from the `EventData` JSON; dynamic values
 * are JSON; arrays are built as DuckDB lists and turned into JSON once, at the top.
 */
import { InternalError } from '../errors.js';
import { call, lit, type Expr } from '../plan/expr.js';
import type { ScalarType } from '../plan/types.js';
import { EVENT_COLUMNS, isPromoted, type StoredType } from '../schema/layout.js';
import { nonEventKeys } from '../schema/views/event-keys.js';
import { SqlCompiler, type CompileOptions } from './compile.js';
import { DUCKDB_DIALECT } from './dialect.js';
import { DuckDBEventData, type NonEventKeys } from './duckdb-event-data.js';
import { duckdbFormatDatetime } from './duckdb-format.js';
import { DuckDBTime } from './duckdb-time.js';
import { literalInteger } from './literals.js';
import type { TimeUnit } from './time-units.js';

const STORED_TYPES = new Map(EVENT_COLUMNS.map((c) => [c.name, c]));

/** How a stored column is read as its Kusto type, when its physical type differs. */
const READ_AS: Partial<Record<StoredType, (sql: string) => string>> = {
  uuid: (sql) => `CAST(${sql} AS VARCHAR)`,
  int16: (sql) => `CAST(${sql} AS INTEGER)`,
  uint32: (sql) => `CAST(${sql} AS BIGINT)`,
  // Windows' unsigned 64-bit values read as Kusto longs the way .NET reads them: bit for bit.
  uint64: (sql) =>
    `CAST(CAST(${sql} AS HUGEINT) - CAST(${sql} >> 63 AS HUGEINT) * ` +
    `18446744073709551616 AS BIGINT)`,
};

/** XML entities; `&` first, so that the others' ampersands are not escaped again. */
const XML_ENTITIES = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
} as const;

/** Compiles plan expressions for DuckDB. */
export class DuckDBCompiler extends SqlCompiler {
  private readonly eventData: DuckDBEventData;
  private readonly time = new DuckDBTime(this);

  /**
   * @param keys the keys of `EventData` that are not event fields, per `_Format`.
   * @param options what the query fixes, such as the instant `now()` reads.
   */
  constructor(keys: NonEventKeys = nonEventKeys(), options: CompileOptions = {}) {
    super(DUCKDB_DIALECT, options);
    this.eventData = new DuckDBEventData(this, keys);
  }

  columnRef(name: string): string {
    const column = STORED_TYPES.get(name);
    const read = column ? READ_AS[column.type] : undefined;
    return read ? read(this.name(name)) : this.name(name);
  }

  eventField(name: string, type: ScalarType): string {
    if (!isPromoted(name)) return this.rowField(name, type);
    return type === 'dynamic'
      ? `to_json(${this.name(name)})`
      : this.convert(this.name(name), 'string', type);
  }

  rowField(name: string, type: ScalarType): string {
    const path = this.text(jsonPath(name));
    if (type === 'dynamic') return `json_extract(${this.name('EventData')}, ${path})`;
    const text = `json_extract_string(${this.name('EventData')}, ${path})`;
    return this.convert(text, 'string', type);
  }

  convert(sql: string, from: ScalarType | undefined, to: ScalarType): string {
    if (from === to) return sql;
    if (to === 'string') return this.toText(sql, from);
    if (to === 'dynamic') {
      return from === 'string'
        ? `coalesce(TRY_CAST(${sql} AS JSON), to_json(${sql}))`
        : `to_json(${sql})`;
    }
    if (from === 'dynamic') return this.convert(this.dynamicText(sql), 'string', to);
    // Kusto truncates reals towards zero; a plain cast would round.
    const input = from === 'real' && (to === 'int' || to === 'long') ? `trunc(${sql})` : sql;
    return `TRY_CAST(${input} AS ${this.dialect.typeName(to)})`;
  }

  /**
   * Kusto's `tostring`: dynamic strings without their quotes, datetimes in ISO 8601 with seven
   * fraction digits, timespans as `[-][d.]hh:mm:ss[.fffffff]`, whole reals without a fraction.
   */
  private toText(sql: string, from: ScalarType | undefined): string {
    if (from === 'dynamic') return this.dynamicText(sql);
    if (from === 'datetime') return this.formatDatetime(sql, 'yyyy-MM-ddTHH:mm:ss.fffffffZ');
    if (from === 'timespan') return this.time.spanText(sql);
    if (from === 'real') return this.realText(sql);
    return `CAST(${sql} AS VARCHAR)`;
  }

  /** A real as Kusto writes it: a whole number without `.0`. */
  private realText(sql: string): string {
    return (
      `CASE WHEN ${sql} = trunc(${sql}) AND abs(${sql}) < 1e15 ` +
      `THEN CAST(CAST(${sql} AS BIGINT) AS VARCHAR) ELSE CAST(${sql} AS VARCHAR) END`
    );
  }

  private dynamicText(sql: string): string {
    return `json_extract_string(${sql}, ${this.text('$')})`;
  }

  concat(parts: readonly string[]): string {
    return parts.length === 0 ? this.text('') : `concat(${parts.join(', ')})`;
  }

  startsWith(text: string, prefix: string): string {
    return `starts_with(${text}, ${prefix})`;
  }

  endsWith(text: string, suffix: string): string {
    return `ends_with(${text}, ${suffix})`;
  }

  contains(text: string, part: string): string {
    return `contains(${text}, ${part})`;
  }

  fileName(path: string): string {
    return `parse_filename(${path}, false, ${this.text('both')})`;
  }

  folderPath(path: string): string {
    return `parse_dirpath(${path}, ${this.text('both')})`;
  }

  regexExtract(text: string, pattern: string, group: number): string {
    return `NULLIF(regexp_extract(${text}, ${pattern}, ${group}), ${this.text('')})`;
  }

  regexMatch(text: string, pattern: string): string {
    return `regexp_matches(${text}, ${pattern})`;
  }

  replaceText(text: string, find: string, replacement: string): string {
    return `replace(${text}, ${find}, ${replacement})`;
  }

  xmlEscape(text: string): string {
    return this.escapeChars(text, ['&', '<', '>', '"', "'"]);
  }

  /**
   * Replaces each of `chars` by its XML entity. Most text holds none of them, and testing for
   * them is far cheaper than replacing, so the replacements run only when one is there.
   */
  escapeChars(text: string, chars: readonly (keyof typeof XML_ENTITIES)[]): string {
    const found = chars.map((c) => `contains(${text}, ${this.text(c)})`).join(' OR ');
    const replaced = chars.reduce(
      (sql, c) => `replace(${sql}, ${this.text(c)}, ${this.text(XML_ENTITIES[c])})`,
      text,
    );
    return `CASE WHEN ${found} THEN ${replaced} ELSE ${text} END`;
  }

  array(items: readonly Expr[]): string {
    return `to_json(${this.list(call('array', ...items))})`;
  }

  split(text: Expr, separator: Expr): string {
    return `to_json(${this.list(call('split', text, separator))})`;
  }

  arrayCompact(array: Expr): string {
    return `to_json(${this.list(call('arrayCompact', array))})`;
  }

  arrayJoin(array: Expr, separator: Expr): string {
    return `array_to_string(${this.list(array)}, ${this.compile(separator)})`;
  }

  arrayLength(array: Expr): string {
    return `CAST(len(${this.list(array)}) AS BIGINT)`;
  }

  hexToLong(text: string): string {
    const digits = `regexp_replace(${text}, ${this.text('^0[xX]')}, ${this.text('')})`;
    return `TRY_CAST(${this.text('0x')} || ${digits} AS BIGINT)`;
  }

  toHex(value: string): string {
    return `(${this.text('0x')} || lower(to_hex(${value})))`;
  }

  bitAnd(a: string, b: string): string {
    return `(${a} & ${b})`;
  }

  sha1(text: string): string {
    return `sha1(${text})`;
  }

  formatDatetime(value: string, pattern: string): string {
    return duckdbFormatDatetime(this, value, pattern);
  }

  charLength(text: string): string {
    return `length(${text})`;
  }

  charSubstring(text: string, start: string, length: string): string {
    return `substring(${text}, ${start}, ${length})`;
  }

  regexEscape(text: string): string {
    return `regexp_escape(${text})`;
  }

  integerDivide(a: string, b: string): string {
    return `(${a} // ${b})`;
  }

  remainder(a: string, b: string): string {
    return `(${a} % ${b})`;
  }

  datetimeLiteral(ns: bigint): string {
    return this.time.fromNanos(this.integer(ns));
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
    const ns = this.time.instantNanos(value);
    return this.time.bin(ns, size, (x) => this.time.fromNanos(x), this.typedNull('datetime'));
  }

  binSpan(value: Expr, size: Expr): string {
    const ns = this.time.spanNanos(value);
    return this.time.bin(ns, size, (x) => this.time.spanFromNanos(x), this.typedNull('timespan'));
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
    const args = index ? [text, separator, index] : [text, separator];
    return `to_json(${this.list(call('splitText', ...args))})`;
  }

  dynamicGet(value: Expr, key: string | number): string {
    const path = typeof key === 'string' ? jsonPath(key) : key < 0 ? `$[#${key}]` : `$[${key}]`;
    return `json_extract(${this.compile(value)}, ${this.compile(lit(path))})`;
  }

  extraField(name: string): string {
    return `json_extract_string(${this.name('Extra')}, ${this.text(jsonPath(name))})`;
  }

  eventDataXml(quote: '"' | "'"): string {
    return this.eventData.xml(quote);
  }

  eventDataParams(): string {
    return this.eventData.params();
  }

  eventDataText(): string {
    return this.eventData.lines();
  }

  eventDataJson(): string {
    return this.eventData.json();
  }

  rowJson(): string {
    return this.name('EventData');
  }

  protected override timespanLiteral(value: string | number | bigint | boolean): string {
    if (typeof value !== 'number' && typeof value !== 'bigint') {
      throw new InternalError(`a timespan counts nanoseconds: ${String(value)}`);
    }
    const micros = BigInt(value) / 1000n;
    return `to_microseconds(CAST(${this.dialect.literal(micros.toString())} AS BIGINT))`;
  }

  /** Kusto's `split` as a DuckDB list: all the parts, or the one at `index` (0-based). */
  private splitList([text, separator, index]: readonly Expr[]): string {
    const parts = `string_split(${this.textOf(text!)}, ${this.textOf(separator!)})`;
    if (index === undefined) return parts;
    const at = literalInteger(index);
    if (at !== undefined && at < 0n) return `CAST([] AS VARCHAR[])`;
    const position = at !== undefined ? String(at + 1n) : `${this.compile(index)} + 1`;
    const slice = `list_slice(${parts}, ${position}, ${position})`;
    return at !== undefined
      ? slice
      : `CASE WHEN ${this.compile(index)} >= 0 THEN ${slice} ELSE CAST([] AS VARCHAR[]) END`;
  }

  /** An array expression as a DuckDB list, without a round trip through JSON. */
  private list(expr: Expr): string {
    if (expr.kind !== 'Call') return `CAST(${this.compile(expr)} AS VARCHAR[])`;
    const [first, second] = expr.args;
    switch (expr.fn) {
      case 'array':
        return `list_value(${expr.args.map((a) => this.compile(a)).join(', ')})`;
      case 'split':
        return `string_split(${this.compile(first!)}, ${this.compile(second!)})`;
      case 'splitText':
        return this.splitList(expr.args);
      case 'arrayCompact':
        return (
          `list_filter(${this.list(first!)}, ` +
          `lambda x: x IS NOT NULL AND CAST(x AS VARCHAR) <> ${this.text('')})`
        );
      default:
        return `CAST(${this.compile(expr)} AS VARCHAR[])`;
    }
  }
}

/** A JSON path selecting one top-level key, quoted whatever it holds. */
function jsonPath(key: string): string {
  return `$."${key.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
