/**
 * Conversions, capture groups and dynamic arrays on ClickHouse 18.16. A dynamic value is either
 * an array built in the query (by `split`, `array` ...), which is a ClickHouse array, or JSON
 * text read from the store; an element of an array is its text.
 */
import { NotSupportedError } from '../errors.js';
import type { Expr } from '../plan/expr.js';
import { isNumeric, type ScalarType } from '../plan/types.js';
import type { ClickHouseTime } from './clickhouse-time.js';
import type { SqlCompiler } from './compile.js';
import { literalInteger } from './literals.js';

/** Plan functions whose value is an array on ClickHouse. */
const ARRAY_FUNCTIONS = new Set(['array', 'split', 'splitText', 'arrayCompact']);

/** Conversions from text, by target type. */
const FROM_TEXT: Partial<Record<ScalarType, string>> = {
  int: 'toInt32OrNull',
  long: 'toInt64OrNull',
  real: 'toFloat64OrNull',
  datetime: 'parseDateTimeBestEffortOrNull',
};

/** Conversions from a real, truncating towards zero as Kusto does. */
const FROM_REAL: Partial<Record<ScalarType, string>> = { int: 'toInt32', long: 'toInt64' };

/** Conversions between numbers. */
const NUMBER_CONVERSIONS: Partial<Record<ScalarType, string>> = {
  int: 'toInt32',
  long: 'toInt64',
  real: 'toFloat64',
};

export class ClickHouseText {
  constructor(
    private readonly c: SqlCompiler,
    private readonly time: ClickHouseTime,
  ) {}

  /** A null-tolerant conversion, with Kusto's `tostring` forms. */
  convert(sql: string, from: ScalarType | undefined, to: ScalarType): string {
    if (from === to) return sql;
    if (to === 'string') return this.toText(sql, from);
    if (from === 'string' || from === undefined || from === 'dynamic') {
      const text = from === 'string' ? sql : `toString(${sql})`;
      if (to === 'bool') return this.boolFromText(text);
      const fn = FROM_TEXT[to];
      return fn ? `${fn}(${text})` : `CAST(${text} AS ${this.c.dialect.typeName(to)})`;
    }
    if (from === 'real' && FROM_REAL[to]) return `${FROM_REAL[to]}(trunc(${sql}))`;
    if (to === 'bool') return `(${sql} != 0)`;
    if (NUMBER_CONVERSIONS[to] && from !== undefined && isNumeric(from)) {
      return `${NUMBER_CONVERSIONS[to]}(${sql})`;
    }
    return `CAST(${sql} AS ${this.c.dialect.typeName(to)})`;
  }

  private toText(sql: string, from: ScalarType | undefined): string {
    const t = (value: string) => this.c.text(value);
    switch (from) {
      case 'datetime':
        return `concat(${this.c.formatDatetime(sql, 'yyyy-MM-ddTHH:mm:ss')}, ${t('.0000000Z')})`;
      case 'timespan':
        return this.time.spanText(sql);
      case 'bool':
        return (
          `CASE WHEN ${sql} IS NULL THEN NULL ` +
          `WHEN ${sql} != 0 THEN ${t('true')} ELSE ${t('false')} END`
        );
      case 'string':
      case 'dynamic':
        return sql;
      default:
        return `toString(${sql})`;
    }
  }

  private boolFromText(text: string): string {
    const lower = `lowerUTF8(${text})`;
    const t = (value: string) => this.c.text(value);
    return `multiIf(${lower} = ${t('true')}, 1, ${lower} = ${t('false')}, 0, NULL)`;
  }

  /**
   * Kusto's `tostring` of a dynamic value: an array as JSON, an array's element as it is, and
   * JSON text with a string's quotes taken off.
   */
  dynamicText(expr: Expr): string {
    if (isArray(expr)) return this.arrayJson(this.c.compile(expr));
    const sql = this.c.compile(expr);
    if (expr.kind === 'Call' && expr.fn === 'dynamicGet') return sql;
    // visitParamExtractString reads the first key named `v`, which is the wrapper's own.
    const wrapped = `concat(${this.c.text('{"v":')}, ${sql}, ${this.c.text('}')})`;
    const unquoted = `visitParamExtractString(${wrapped}, ${this.c.text('v')})`;
    return `if(startsWith(${sql}, ${this.c.text('"')}), ${unquoted}, ${sql})`;
  }

  /** An array of text as JSON: `["a","b"]`. */
  private arrayJson(array: string): string {
    const t = (value: string) => this.c.text(value);
    const escaped = `replaceAll(replaceAll(x, ${t('\\')}, ${t('\\\\')}), ${t('"')}, ${t('\\"')})`;
    const item = `if(isNull(x), ${t('null')}, concat(${t('"')}, ${escaped}, ${t('"')}))`;
    const items = `arrayStringConcat(arrayMap(x -> ${item}, ${array}), ${t(',')})`;
    return `concat(${t('[')}, ${items}, ${t(']')})`;
  }

  /** The SQL of an expression that must be an array on ClickHouse. */
  arrayOf(expr: Expr): string {
    if (!isArray(expr))
      throw new NotSupportedError('a dynamic value that is not an array', this.c.on);
    return this.c.compile(expr);
  }

  /**
   * Capture group `group` of the first match, through `replaceRegexpOne` (18.16 has no function
   * returning any group but the first): the whole text is replaced by the group, when it
   * matches. The pattern must be a constant; groups above 8 are not reachable.
   */
  regexExtract(text: string, pattern: string, group: number): string {
    if (group > 8) throw new NotSupportedError(`capture group ${group}`, this.c.on);
    const t = (value: string) => this.c.text(value);
    const whole = `concat(${t('^(?s:.*?)(')}, ${pattern}, ${t(')(?s:.*)$')})`;
    const extracted = `replaceRegexpOne(${text}, ${whole}, ${t(`\\${group + 1}`)})`;
    return `NULLIF(if(match(${text}, ${pattern}), ${extracted}, NULL), ${t('')})`;
  }

  /** Text escaped for XML: `&` first, so that the others' ampersands are not escaped again. */
  xmlEscape(text: string): string {
    const entities = [
      ['&', '&amp;'],
      ['<', '&lt;'],
      ['>', '&gt;'],
      ['"', '&quot;'],
      ["'", '&apos;'],
    ] as const;
    return entities.reduce(
      (sql, [char, entity]) => `replaceAll(${sql}, ${this.c.text(char)}, ${this.c.text(entity)})`,
      text,
    );
  }

  /** Kusto's `split`, as a ClickHouse array. */
  splitText(text: Expr, separator: Expr, index?: Expr): string {
    const parts = `splitByString(${this.c.compile(separator)}, ${this.c.textOf(text)})`;
    if (index === undefined) return parts;
    const at = literalInteger(index);
    if (at !== undefined)
      return at < 0n ? 'emptyArrayString()' : `arraySlice(${parts}, ${at + 1n}, 1)`;
    const i = this.c.compile(index);
    return `if(${i} >= 0, arraySlice(${parts}, ${i} + 1, 1), emptyArrayString())`;
  }

  /** An element of an array; objects (JSON text) have no property access on 18.16. */
  dynamicGet(value: Expr, key: string | number): string {
    if (typeof key === 'string' || !isArray(value)) {
      throw new NotSupportedError(
        'dynamic property access on a value that is not an array',
        this.c.on,
      );
    }
    const array = this.c.compile(value);
    return key >= 0
      ? `if(length(${array}) > ${key}, ${array}[${key + 1}], NULL)`
      : `if(length(${array}) >= ${-key}, ${array}[${key}], NULL)`;
  }
}

/** True when the expression is an array on ClickHouse. */
function isArray(expr: Expr): boolean {
  return expr.kind === 'Call' && ARRAY_FUNCTIONS.has(expr.fn);
}
