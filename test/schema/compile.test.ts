import { PROMOTED_FIELDS } from '../../src/schema/layout.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InternalError, NotSupportedError } from '../../src/errors.js';
import { call, caseWhen, cast, col, field, lit, rowField, type Expr } from '../../src/plan/expr.js';
import type { ViewFunction } from '../../src/plan/functions.js';
import { DuckDBCompiler } from '../../src/sql/duckdb.js';

/** A compiler that knows two non-event keys of flat rows, to keep the expected SQL short. */
const compiler = new DuckDBCompiler(new Map([['flat', ['Hostname', 'EventTime']]]));

const KEYWORDS_AS_LONG =
  'CAST(CAST("Keywords" AS HUGEINT) - CAST("Keywords" >> 63 AS HUGEINT) * ' +
  '18446744073709551616 AS BIGINT)';

/** The guarded entity replacement the DuckDB dialect writes for XML escaping. */
function escaped(text: string, chars: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;',
  };
  const quote = (c: string) => `'${c.replaceAll("'", "''")}'`;
  const found = [...chars].map((c) => `contains(${text}, ${quote(c)})`).join(' OR ');
  const replaced = [...chars].reduce(
    (sql, c) => `replace(${sql}, ${quote(c)}, ${quote(entities[c]!)})`,
    text,
  );
  return `CASE WHEN ${found} THEN ${replaced} ELSE ${text} END`;
}

const PROMOTED_ENTRIES = PROMOTED_FIELDS.map((f) => `{'key': '${f}', 'value': "${f}"}`).join(', ');
const PROMOTED_NAMES = PROMOTED_FIELDS.map((f) => `'${f}'`).join(', ');
const ENTRIES =
  `list_concat(list_filter([${PROMOTED_ENTRIES}], lambda e: e.value IS NOT NULL), ` +
  'list_filter(coalesce(' +
  `map_entries(json_transform("EventData", '"MAP(VARCHAR, VARCHAR)"')), []), ` +
  `lambda e: NOT list_contains([${PROMOTED_NAMES}], e.key)))`;
const FLAT_FIELDS =
  `list_filter(${ENTRIES}, lambda e: NOT list_contains(['Hostname', 'EventTime'], e.key) ` +
  `AND NOT starts_with(e.key, '_') AND coalesce(e.value, '') <> '')`;
const FIELDS = `CASE "_Format" WHEN 'flat' THEN ${FLAT_FIELDS} ELSE ${ENTRIES} END`;
const VALUE = escaped(`coalesce(e.value, '')`, '&<>');

/** One call of every view function, and the SQL it compiles to on DuckDB. */
const FUNCTION_CASES = {
  and: [call('and', col('EventID'), lit(true)), '("EventID" AND TRUE)'],
  or: [call('or', lit(true), lit(false)), '(TRUE OR FALSE)'],
  not: [call('not', lit(true)), '(NOT TRUE)'],
  eq: [call('eq', col('EventID'), lit(4688)), '("EventID" = 4688)'],
  ne: [call('ne', col('Channel'), lit('Security')), `("Channel" <> 'Security')`],
  eqIgnoreCase: [
    call('eqIgnoreCase', field('Image'), lit('C:\\Windows\\WMIC.exe')),
    `(lower("Image") = lower('C:\\Windows\\WMIC.exe'))`,
  ],
  in: [call('in', col('EventID'), lit(4624), lit(4625)), '("EventID" IN (4624, 4625))'],
  isNull: [call('isNull', col('Computer')), '("Computer" IS NULL)'],
  isNotNull: [call('isNotNull', col('Computer')), '("Computer" IS NOT NULL)'],
  coalesce: [
    call('coalesce', col('EventSourceName'), col('Provider')),
    'coalesce("EventSourceName", "Provider")',
  ],
  nullIfEmpty: [call('nullIfEmpty', field('CommandLine')), `NULLIF("CommandLine", '')`],
  concat: [
    call('concat', field('SubjectDomainName'), lit('\\'), field('SubjectUserName')),
    `concat("SubjectDomainName", '\\', "SubjectUserName")`,
  ],
  lower: [call('lower', col('Computer')), 'lower("Computer")'],
  upper: [call('upper', col('Computer')), 'upper("Computer")'],
  startsWithIgnoreCase: [
    call('startsWithIgnoreCase', field('CommandLine'), lit('wmic')),
    `starts_with(lower("CommandLine"), lower('wmic'))`,
  ],
  endsWithIgnoreCase: [
    call('endsWithIgnoreCase', field('NewProcessName'), lit('wmic.exe')),
    `ends_with(lower("NewProcessName"), lower('wmic.exe'))`,
  ],
  containsIgnoreCase: [
    call('containsIgnoreCase', field('CommandLine'), lit('call create')),
    `contains(lower("CommandLine"), lower('call create'))`,
  ],
  fileName: [call('fileName', field('Image')), `parse_filename("Image", false, 'both')`],
  folderPath: [call('folderPath', field('Image')), `parse_dirpath("Image", 'both')`],
  regexExtract: [
    call('regexExtract', field('Hashes'), lit('SHA1=([0-9A-F]+)'), lit(1)),
    `NULLIF(regexp_extract("Hashes", 'SHA1=([0-9A-F]+)', 1), '')`,
  ],
  regexMatch: [
    call('regexMatch', field('IpAddress'), lit('^10\\.')),
    `regexp_matches("IpAddress", '^10\\.')`,
  ],
  replaceText: [
    call('replaceText', field('CommandLine'), lit('"'), lit('')),
    `replace("CommandLine", '"', '')`,
  ],
  xmlEscape: [call('xmlEscape', col('Computer')), escaped('"Computer"', `&<>"'`)],
  split: [call('split', field('User'), lit('\\')), `to_json(string_split("User", '\\'))`],
  array: [
    call('array', field('SubjectUserName'), field('TargetUserName')),
    'to_json(list_value("SubjectUserName", "TargetUserName"))',
  ],
  arrayCompact: [
    call('arrayCompact', call('array', field('SubjectUserName'), field('TargetUserName'))),
    'to_json(list_filter(list_value("SubjectUserName", "TargetUserName"), ' +
      `lambda x: x IS NOT NULL AND CAST(x AS VARCHAR) <> ''))`,
  ],
  arrayJoin: [
    call('arrayJoin', call('split', field('PrivilegeList'), lit(' ')), lit(',')),
    `array_to_string(string_split(json_extract_string("EventData", '$."PrivilegeList"'), ` +
      `' '), ',')`,
  ],
  arrayLength: [
    call('arrayLength', call('split', col('Message'), lit(','))),
    `CAST(len(string_split("Message", ',')) AS BIGINT)`,
  ],
  hexToLong: [
    call('hexToLong', field('SubjectLogonId')),
    `TRY_CAST('0x' || regexp_replace("SubjectLogonId", '^0[xX]', '') AS BIGINT)`,
  ],
  toHex: [call('toHex', col('Keywords')), `('0x' || lower(to_hex(${KEYWORDS_AS_LONG})))`],
  bitAnd: [
    call('bitAnd', col('Keywords'), lit(0x20000000000000n)),
    `(${KEYWORDS_AS_LONG} & CAST(9007199254740992::HUGEINT AS BIGINT))`,
  ],
  sha1: [call('sha1', col('Computer')), 'sha1("Computer")'],
  formatDatetime: [
    call('formatDatetime', col('TimeCreated'), lit('yyyy-MM-dd HH:mm:ss.fffffff')),
    `(strftime("TimeCreated", '%Y-%m-%d %H:%M:%S.') || lpad(CAST(((epoch_ns("TimeCreated") ` +
      `% 1000000000 + 1000000000) % 1000000000) // 100 AS VARCHAR), 7, '0'))`,
  ],
  extraField: [call('extraField', lit('TenantId')), `json_extract_string("Extra", '$."TenantId"')`],
  eventDataXml: [
    call('eventDataXml', lit('"')),
    `array_to_string(list_transform(${FIELDS}, lambda e: '<Data Name="' || ` +
      `${escaped('e.key', `&<>"'`)} || '">' || ${VALUE} || '</Data>'), '')`,
  ],
  eventDataParams: [
    call('eventDataParams'),
    `array_to_string(list_transform(${FIELDS}, lambda e: '<Param>' || ${VALUE} || ` +
      `'</Param>'), '')`,
  ],
  eventDataText: [
    call('eventDataText'),
    `array_to_string(list_transform(${FIELDS}, lambda e: e.key || ': ' || ` +
      `coalesce(e.value, '')), '\n')`,
  ],
  eventDataJson: [call('eventDataJson'), `to_json(map_from_entries(${FIELDS}))`],
  rowJson: [call('rowJson'), '"EventData"'],
} satisfies Record<ViewFunction, readonly [Expr, string]>;

describe('the DuckDB SQL of each view function', () => {
  for (const [fn, [expr, sql]] of Object.entries(FUNCTION_CASES)) {
    it(`compiles a call of ${fn} to its SQL`, () => {
      assert.equal(compiler.compile(expr), sql);
    });
  }
});

describe('the DuckDB SQL of each kind of expression', () => {
  it('reads a promoted event field from its own column', () => {
    assert.equal(compiler.compile(field('CommandLine')), '"CommandLine"');
    assert.equal(compiler.compile(field('LogonType', 'int')), 'TRY_CAST("LogonType" AS INTEGER)');
  });

  it('reads any other event field from the EventData JSON', () => {
    assert.equal(
      compiler.compile(field('LogonProcessName')),
      `json_extract_string("EventData", '$."LogonProcessName"')`,
    );
    assert.equal(
      compiler.compile(field('Odd"Name')),
      `json_extract_string("EventData", '$."Odd\\"Name"')`,
    );
  });

  it('reads a column of a row kept whole as the requested type', () => {
    assert.equal(
      compiler.compile(rowField('DestinationPort', 'int')),
      `TRY_CAST(json_extract_string("EventData", '$."DestinationPort"') AS INTEGER)`,
    );
    assert.equal(
      compiler.compile(rowField('AdditionalFields', 'dynamic')),
      `json_extract("EventData", '$."AdditionalFields"')`,
    );
  });

  it('reads stored columns as their Kusto types', () => {
    assert.equal(compiler.compile(col('_ItemId')), 'CAST("_ItemId" AS VARCHAR)');
    assert.equal(compiler.compile(col('Version')), 'CAST("Version" AS INTEGER)');
    assert.equal(compiler.compile(col('EventID')), '"EventID"');
    assert.equal(compiler.compile(col('Keywords')), KEYWORDS_AS_LONG);
  });

  it('writes literals through the dialect, typed where the engine would guess', () => {
    assert.equal(compiler.compile(lit("it's")), `'it''s'`);
    assert.equal(compiler.compile(lit(null, 'datetime')), 'CAST(NULL AS TIMESTAMP_NS)');
    assert.equal(compiler.compile(lit(2.5)), '2.5::DOUBLE');
    assert.equal(compiler.compile(lit(2, 'real')), 'CAST(2 AS DOUBLE)');
    assert.equal(
      compiler.compile(lit('2024-03-01T10:00:00Z', 'datetime')),
      `CAST('2024-03-01T10:00:00Z' AS TIMESTAMP_NS)`,
    );
    assert.equal(
      compiler.compile(lit(3_600_000_000_000, 'timespan')),
      `to_microseconds(CAST('3600000000' AS BIGINT))`,
    );
  });

  it('gives every branch of a case the type of its first typed branch', () => {
    const expr = caseWhen([[call('eq', col('EventID'), lit(1)), field('LogonType', 'int')]]);
    assert.equal(
      compiler.compile(expr),
      'CASE WHEN ("EventID" = 1) THEN TRY_CAST("LogonType" AS INTEGER) ' +
        'ELSE CAST(NULL AS INTEGER) END',
    );
  });

  it('converts without failing, truncating reals the way Kusto does', () => {
    assert.equal(
      compiler.compile(cast('long', lit(2.7))),
      'TRY_CAST(trunc(2.7::DOUBLE) AS BIGINT)',
    );
    assert.equal(
      compiler.compile(cast('string', call('eventDataJson'))).startsWith('json_extract_string('),
      true,
    );
  });

  it('converts a value to a column type only when its type differs', () => {
    assert.equal(compiler.compileAs(col('EventID'), 'int'), '"EventID"');
    assert.equal(compiler.compileAs(col('EventID'), 'long'), 'TRY_CAST("EventID" AS BIGINT)');
    assert.equal(compiler.compileAs(lit(1), 'long'), 'CAST(1 AS BIGINT)');
    assert.equal(compiler.compileAs(lit(null), 'bool'), 'CAST(NULL AS BOOLEAN)');
  });

  it('reads coalesce arguments as the type of the first', () => {
    assert.equal(
      compiler.compile(call('coalesce', col('EventID'), field('EventID'))),
      `coalesce("EventID", TRY_CAST(json_extract_string("EventData", '$."EventID"') AS INTEGER))`,
    );
  });
});

describe('expressions the compiler refuses', () => {
  it('names the format specifier and the engine it cannot write', () => {
    const expr = call('formatDatetime', col('TimeCreated'), lit('yyyy Q'));
    assert.throws(
      () => compiler.compile(expr),
      (error: unknown) =>
        error instanceof NotSupportedError &&
        error.feature === "the format_datetime specifier 'Q'" &&
        error.message.includes('on duckdb'),
    );
  });

  it('treats a call with the wrong number of arguments as an internal error', () => {
    assert.throws(() => compiler.compile(call('not')), InternalError);
    assert.throws(() => compiler.compile(call('eventDataXml', lit('<'))), InternalError);
  });
});
