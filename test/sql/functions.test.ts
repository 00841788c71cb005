import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InputError, NotSupportedError } from '../../src/errors.js';
import { call, cast, col, field, instant, lit, span, type Expr } from '../../src/plan/expr.js';
import type { KustoFunction } from '../../src/plan/functions.js';
import { ClickHouseCompiler } from '../../src/sql/clickhouse.js';
import type { SqlCompiler } from '../../src/sql/compile.js';
import { DuckDBCompiler } from '../../src/sql/duckdb.js';
import { FUNCTION_CALLS, NOW } from './function-cases.js';

const duckdb = new DuckDBCompiler(new Map(), { now: NOW });
const clickhouse = new ClickHouseCompiler({ now: NOW });

/** The SQL of each call in `FUNCTION_CALLS`: on DuckDB, then on ClickHouse. */
const FUNCTION_SQL = {
  equal: ['coalesce("EventID" = 4688, FALSE)', 'coalesce(`EventID` = 4688, 0)'],
  equalIgnoreCase: [
    `(lower(coalesce("Image", '')) = lower('C:\\Windows\\System32\\WMIC.exe'))`,
    "(lowerUTF8(coalesce(`Image`, '')) = lowerUTF8('C:\\\\Windows\\\\System32\\\\WMIC.exe'))",
  ],
  less: [
    `("TimeCreated" < CAST('2024-03-01T00:00:00Z' AS TIMESTAMP_NS))`,
    "(`TimeCreated` < toDateTime(1709251200, 'UTC'))",
  ],
  lessOrEqual: ['(CAST("Level" AS INTEGER) <= 3)', '(`Level` <= 3)'],
  greater: ['("EventID" > 4000)', '(`EventID` > 4000)'],
  greaterOrEqual: [
    `("TimeCreated" >= make_timestamp_ns(CAST('1699996400000000000' AS BIGINT)))`,
    "(`TimeCreated` >= toDateTime(1699996400, 'UTC'))",
  ],
  between: [
    `("TimeCreated" BETWEEN CAST('2024-03-01T00:00:00Z' AS TIMESTAMP_NS) AND ` +
      "make_timestamp_ns(CAST('1709337600000000000' AS BIGINT)))",
    "(`TimeCreated` BETWEEN toDateTime(1709251200, 'UTC') AND toDateTime(1709337600, " + "'UTC'))",
  ],
  equalAny: [
    'coalesce("EventID" IN (4624, 4625), FALSE)',
    'coalesce(`EventID` IN (4624, 4625), 0)',
  ],
  equalAnyIgnoreCase: [
    `(lower(coalesce("TargetUserName", '')) IN (lower('administrator'), lower('admin')))`,
    "(lowerUTF8(coalesce(`TargetUserName`, '')) IN (lowerUTF8('administrator'), " +
      "lowerUTF8('admin')))",
  ],
  contains: [
    `contains(lower(coalesce("CommandLine", '')), lower('call create'))`,
    "(position(lowerUTF8(coalesce(`CommandLine`, '')), lowerUTF8('call create')) > 0)",
  ],
  containsCs: [
    `contains(coalesce("CommandLine", ''), 'IEX')`,
    "(position(coalesce(`CommandLine`, ''), 'IEX') > 0)",
  ],
  startsWith: [
    `starts_with(lower(coalesce("CommandLine", '')), lower('wmic'))`,
    "startsWith(lowerUTF8(coalesce(`CommandLine`, '')), lowerUTF8('wmic'))",
  ],
  startsWithCs: [
    `starts_with(coalesce("CommandLine", ''), 'WMIC')`,
    "startsWith(coalesce(`CommandLine`, ''), 'WMIC')",
  ],
  endsWith: [
    `ends_with(lower(coalesce("NewProcessName", '')), lower('\\wmic.exe'))`,
    "endsWith(lowerUTF8(coalesce(`NewProcessName`, '')), lowerUTF8('\\\\wmic.exe'))",
  ],
  endsWithCs: [
    `ends_with(coalesce("NewProcessName", ''), '\\WMIC.exe')`,
    "endsWith(coalesce(`NewProcessName`, ''), '\\\\WMIC.exe')",
  ],
  has: [
    `regexp_matches(lower(coalesce("CommandLine", '')), ` +
      "lower('(^|[^0-9a-z])process($|[^0-9a-z])'))",
    "match(lowerUTF8(coalesce(`CommandLine`, '')), " +
      "lowerUTF8('(^|[^0-9a-z])process($|[^0-9a-z])'))",
  ],
  hasCs: [
    `regexp_matches(coalesce("CommandLine", ''), ` +
      "'(^|[^0-9a-zA-Z])Invoke-Expression($|[^0-9a-zA-Z])')",
    "match(coalesce(`CommandLine`, ''), '(^|[^0-9a-zA-Z])Invoke-Expression($|[^0-9a-zA-Z])'" + ')',
  ],
  hasPrefix: [
    `regexp_matches(lower(coalesce("CommandLine", '')), lower('(^|[^0-9a-z])encoded'))`,
    "match(lowerUTF8(coalesce(`CommandLine`, '')), lowerUTF8('(^|[^0-9a-z])encoded'))",
  ],
  hasPrefixCs: [
    `regexp_matches(coalesce("CommandLine", ''), '(^|[^0-9a-zA-Z])Invoke')`,
    "match(coalesce(`CommandLine`, ''), '(^|[^0-9a-zA-Z])Invoke')",
  ],
  hasSuffix: [
    `regexp_matches(lower(coalesce("Image", '')), lower('\\.exe($|[^0-9a-z])'))`,
    "match(lowerUTF8(coalesce(`Image`, '')), lowerUTF8('\\\\.exe($|[^0-9a-z])'))",
  ],
  hasSuffixCs: [
    `regexp_matches(coalesce("Image", ''), 'Shell($|[^0-9a-zA-Z])')`,
    "match(coalesce(`Image`, ''), 'Shell($|[^0-9a-zA-Z])')",
  ],
  hasAny: [
    `(regexp_matches(lower(coalesce("CommandLine", '')), ` +
      "lower('(^|[^0-9a-z])(bypass|iex)($|[^0-9a-z])')) OR " +
      `regexp_matches(lower(coalesce("CommandLine", '')), lower('-enc($|[^0-9a-z])')))`,
    "(match(lowerUTF8(coalesce(`CommandLine`, '')), " +
      "lowerUTF8('(^|[^0-9a-z])(bypass|iex)($|[^0-9a-z])')) OR " +
      "match(lowerUTF8(coalesce(`CommandLine`, '')), lowerUTF8('-enc($|[^0-9a-z])')))",
  ],
  hasAll: [
    `(regexp_matches(lower(coalesce("CommandLine", '')), ` +
      "lower('(^|[^0-9a-z])shadowcopy($|[^0-9a-z])')) AND " +
      `regexp_matches(lower(coalesce("CommandLine", '')), ` +
      "lower('(^|[^0-9a-z])delete($|[^0-9a-z])')))",
    "(match(lowerUTF8(coalesce(`CommandLine`, '')), " +
      "lowerUTF8('(^|[^0-9a-z])shadowcopy($|[^0-9a-z])')) AND " +
      "match(lowerUTF8(coalesce(`CommandLine`, '')), " +
      "lowerUTF8('(^|[^0-9a-z])delete($|[^0-9a-z])')))",
  ],
  matchesRegex: [
    `regexp_matches(coalesce("CommandLine", ''), '\\s-e(nc)?\\s')`,
    "match(coalesce(`CommandLine`, ''), '\\\\s-e(nc)?\\\\s')",
  ],
  strlen: [
    `length(coalesce("CommandLine", ''))`,
    "toInt64(lengthUTF8(coalesce(`CommandLine`, '')))",
  ],
  substring: [
    `substring(coalesce("CommandLine", ''), 1, 10)`,
    "substringUTF8(coalesce(`CommandLine`, ''), 1, 10)",
  ],
  splitText: [
    `to_json(list_slice(string_split(coalesce("Image", ''), '\\'), 2, 2))`,
    "arraySlice(splitByString('\\\\', coalesce(`Image`, '')), 2, 1)",
  ],
  isEmpty: [`(coalesce("ParentCommandLine", '') = '')`, "(coalesce(`ParentCommandLine`, '') = '')"],
  isNotEmpty: [
    `(NOT (coalesce("ParentCommandLine", '') = ''))`,
    "(NOT (coalesce(`ParentCommandLine`, '') = ''))",
  ],
  add: ['make_timestamp_ns(epoch_ns("TimeCreated") + 3600000000000)', '(`TimeCreated` + 3600)'],
  subtract: [
    `to_microseconds((epoch_ns("TimeCreated") - CAST('1709251200000000000' AS BIGINT)) // ` +
      '1000)',
    '((toInt64(`TimeCreated`) - 1709251200) * 1000000000)',
  ],
  multiply: [
    'to_microseconds(CAST(trunc((3600000000000 / 1000 * 2)) AS BIGINT))',
    'toInt64(3600000000000 * 2)',
  ],
  divide: [
    `((epoch_ns("TimeCreated") - CAST('1709251200000000000' AS BIGINT)) / 1000000000)`,
    '(((toInt64(`TimeCreated`) - 1709251200) * 1000000000) / 1000000000)',
  ],
  modulo: [
    '(((TRY_CAST("EventID" AS BIGINT) % 10) + 10) % 10)',
    '(((toInt64(`EventID`) % 10) + 10) % 10)',
  ],
  negate: ['(- CAST("Level" AS INTEGER))', '(- `Level`)'],
  now: [
    "make_timestamp_ns(CAST('1700000000000000000' AS BIGINT))",
    "toDateTime(1700000000, 'UTC')",
  ],
  ago: [
    "make_timestamp_ns(CAST('1699996400000000000' AS BIGINT))",
    "toDateTime(1699996400, 'UTC')",
  ],
  bin: [
    'make_timestamp_ns((epoch_ns("TimeCreated") - ((epoch_ns("TimeCreated") % 300000000000) ' +
      '+ 300000000000) % 300000000000))',
    "toDateTime(intDiv(toInt64(`TimeCreated`), 300) * 300, 'UTC')",
  ],
  datetimeAdd: [
    'make_timestamp_ns(epoch_ns("TimeCreated") + ' +
      '(epoch_us(CAST(make_timestamp_ns((epoch_ns("TimeCreated") - ((epoch_ns("TimeCreated") ' +
      '% 86400000000000) + 86400000000000) % 86400000000000)) AS DATE) + to_months(1)) - ' +
      'epoch_us(CAST(make_timestamp_ns((epoch_ns("TimeCreated") - ((epoch_ns("TimeCreated") % ' +
      '86400000000000) + 86400000000000) % 86400000000000)) AS DATE))) * 1000)',
    'addMonths(`TimeCreated`, 1)',
  ],
  datetimeDiff: [
    '(((epoch_ns("TimeCreated") - ((epoch_ns("TimeCreated") % 3600000000000) + ' +
      '3600000000000) % 3600000000000) // 3600000000000) - 474792)',
    '(intDiv(toInt64(`TimeCreated`), 3600) - 474792)',
  ],
  datetimeUtcToLocal: [
    `make_timestamp_ns(epoch_ns("TimeCreated") + (epoch_us(timezone('Europe/Paris', ` +
      'CAST("TimeCreated" AS TIMESTAMPTZ))) - epoch_us(CAST("TimeCreated" AS TIMESTAMPTZ))) * ' +
      '1000)',
    "toDateTime(toString(`TimeCreated`, 'Europe/Paris'), 'UTC')",
  ],
  isNullValue: ['("Qualifiers" IS NULL)', '(`Qualifiers` IS NULL)'],
  isNotNullValue: ['TRUE', '1'],
  firstNonEmpty: [
    `coalesce(NULLIF("User", ''), NULLIF("SubjectUserName", ''), '')`,
    "ifNull(NULLIF(`User`, ''), ifNull(NULLIF(`SubjectUserName`, ''), ''))",
  ],
  dynamicGet: [
    `json_extract(to_json(string_split(coalesce("Image", ''), '\\')), '$[#-1]')`,
    "if(length(splitByString('\\\\', coalesce(`Image`, ''))) >= 1, splitByString('\\\\', " +
      "coalesce(`Image`, ''))[-1], NULL)",
  ],
} satisfies Record<KustoFunction, readonly [duckdb: string, clickhouse: string]>;

describe('the SQL of each Kusto function, on DuckDB and on ClickHouse', () => {
  for (const [fn, [onDuckDB, onClickHouse]] of Object.entries(FUNCTION_SQL)) {
    const expr = FUNCTION_CALLS[fn as KustoFunction];
    it(`compiles a call of ${fn} for each engine`, () => {
      assert.equal(duckdb.compile(expr), onDuckDB);
      assert.equal(clickhouse.compile(expr), onClickHouse);
    });
  }
});

describe('the SQL of Kusto operators with computed operands', () => {
  it('builds the term pattern of a computed needle when the query runs', () => {
    const sql = duckdb.compile(call('has', field('CommandLine'), field('User')));
    assert.equal(
      sql,
      `regexp_matches(lower(coalesce("CommandLine", '')), concat(` +
        `CASE WHEN regexp_matches(coalesce("User", ''), '^[0-9A-Za-z]') ` +
        `THEN '(^|[^0-9a-z])' ELSE '' END, regexp_escape(lower(coalesce("User", ''))), ` +
        `CASE WHEN regexp_matches(coalesce("User", ''), '[0-9A-Za-z]$') ` +
        `THEN '($|[^0-9a-z])' ELSE '' END))`,
    );
  });

  it('compares two columns with Kusto null rules, each side possibly null', () => {
    assert.equal(
      duckdb.compile(call('equal', col('EventID'), col('Qualifiers'))),
      'CASE WHEN "EventID" IS NULL AND "Qualifiers" IS NULL THEN NULL ' +
        'ELSE coalesce("EventID" = "Qualifiers", FALSE) END',
    );
  });

  it('tests membership with a null candidate so that a null value gives null', () => {
    assert.equal(
      duckdb.compile(call('equalAny', col('EventID'), lit(1), lit(null, 'int'))),
      'CASE WHEN "EventID" IS NULL THEN NULL ELSE coalesce("EventID" IN (1), FALSE) END',
    );
  });

  it('moves a datetime by a computed span: nanoseconds on DuckDB, seconds on ClickHouse', () => {
    const expr = call('add', col('TimeCreated'), call('multiply', lit(3), span(1_000_000_000n)));
    assert.equal(
      duckdb.compile(expr),
      'make_timestamp_ns(epoch_ns("TimeCreated") + (epoch_us(to_microseconds(' +
        'CAST(trunc((1000000000 / 1000 * 3)) AS BIGINT))) * 1000))',
    );
    assert.equal(
      clickhouse.compile(expr),
      '(`TimeCreated` + intDiv(toInt64(1000000000 * 3), 1000000000))',
    );
  });

  it('writes coalesce on ClickHouse as nested ifNull, since 18.16 crashes on some coalesce', () => {
    const expr = call('firstNonEmpty', cast('long', field('LogonType')), lit(33));
    assert.equal(
      clickhouse.compile(expr),
      'ifNull(toInt64OrNull(`LogonType`), CAST(33 AS Nullable(Int64)))',
    );
  });

  it('writes a timespan as Kusto does when it becomes text', () => {
    const text = duckdb.compile(cast('string', call('subtract', col('TimeCreated'), instant(0n))));
    assert.match(text, /printf\('%02d:%02d:%02d'/);
  });
});

/** Asserts that compiling `expr` raises `NotSupportedError` for `feature` on the engine. */
function refuses(compiler: SqlCompiler, expr: Expr, feature: string): void {
  assert.throws(
    () => compiler.compile(expr),
    (error: unknown) =>
      error instanceof NotSupportedError &&
      error.feature === feature &&
      error.message.includes(`on ${compiler.dialect.name}`),
  );
}

describe('Kusto operators an engine cannot express', () => {
  const time = col('TimeCreated');

  it('refuses on ClickHouse a pattern computed for each row', () => {
    const feature = 'a regular expression computed for each row';
    refuses(clickhouse, call('has', field('CommandLine'), field('User')), feature);
    refuses(clickhouse, call('matchesRegex', field('CommandLine'), field('User')), feature);
  });

  it('refuses on ClickHouse a fraction of a second that a DateTime cannot hold', () => {
    refuses(
      clickhouse,
      call('less', time, instant('2024-01-01T00:00:00.5Z')),
      'a datetime with a fraction of a second',
    );
    refuses(
      clickhouse,
      call('add', time, span(1_500_000_000n)),
      'a timespan with a fraction of a second',
    );
    refuses(
      clickhouse,
      call('bin', time, span(500_000_000n)),
      'bin of a datetime by a fraction of a second',
    );
    refuses(
      clickhouse,
      call('datetimeAdd', lit('millisecond'), lit(5), time),
      'datetime_add of milliseconds',
    );
  });

  it('refuses on ClickHouse what 18.16 lacks', () => {
    refuses(clickhouse, instant('1969-12-31T23:59:59Z'), 'a datetime before 1970 or after 2105');
    refuses(clickhouse, call('bin', time, col('Task')), 'bin of a datetime by a computed size');
    refuses(
      clickhouse,
      call('datetimeUtcToLocal', time, field('TimeZone')),
      'datetime_utc_to_local with a computed time zone',
    );
    refuses(
      clickhouse,
      call('dynamicGet', call('splitText', field('Image'), lit('\\')), lit('a')),
      'dynamic property access on a value that is not an array',
    );
    refuses(
      clickhouse,
      call('dynamicGet', rowFieldJson(), lit(0)),
      'dynamic property access on a value that is not an array',
    );
  });

  it('refuses on every engine a dynamic key computed for each row', () => {
    const expr = call('dynamicGet', rowFieldJson(), field('User'));
    refuses(duckdb, expr, 'dynamic property access with a computed key');
    refuses(clickhouse, expr, 'dynamic property access with a computed key');
  });
});

function rowFieldJson(): Expr {
  return cast('dynamic', field('AdditionalFields'));
}

describe('Kusto arguments that are wrong', () => {
  it('names a period datetime_add does not have, and the ones it has', () => {
    assert.throws(
      () => duckdb.compile(call('datetimeAdd', lit('fortnight'), lit(1), col('TimeCreated'))),
      (error: unknown) =>
        error instanceof InputError &&
        error.message.includes("'fortnight' is not a datetime period") &&
        error.message.includes('year, quarter, month, week'),
    );
  });

  it('names a time zone that is not an IANA zone', () => {
    for (const zone of ['Mars/Olympus', '+05:30']) {
      assert.throws(
        () => duckdb.compile(call('datetimeUtcToLocal', col('TimeCreated'), lit(zone))),
        (error: unknown) =>
          error instanceof InputError && error.message.includes(`'${zone}' is not a time zone`),
      );
    }
  });

  it('names a format_datetime specifier Kusto does not have', () => {
    for (const pattern of ['ddd', 'MMM yyyy', 'yyy']) {
      assert.throws(
        () => duckdb.compile(call('formatDatetime', col('TimeCreated'), lit(pattern))),
        NotSupportedError,
      );
    }
  });
});
