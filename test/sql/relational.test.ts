import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DuckDBEngine } from '../../src/engine/duckdb/engine.js';
import type { Param, Value } from '../../src/engine/engine.js';
import { NotSupportedError } from '../../src/errors.js';
import * as plan from '../../src/plan/build.js';
import { call, col, lit } from '../../src/plan/expr.js';
import type { JoinKind, Relation } from '../../src/plan/relation.js';
import { compileClickHouse } from '../../src/sql/relational-clickhouse.js';
import { compileDuckDB } from '../../src/sql/relational-duckdb.js';
import { ClickHouseHttp } from '../../src/engine/clickhouse/http.js';
import {
  createFixtureTables,
  NO_CLICKHOUSE,
  withClickHouse,
  type ClickHouseServer,
} from '../support/clickhouse.js';
import { CASES, joinOn, LEFT, RIGHT, SCORES, scanOf, type TestTable } from './relational-cases.js';

/** What each dialect writes for a plan; `clickhouse` is undefined where it cannot. */
interface Golden {
  readonly duckdb: string;
  readonly params: readonly Param[];
  readonly clickhouse: string | undefined;
}

const GOLDEN: Record<keyof typeof CASES, Golden> = {
  scan: {
    duckdb:
      'SELECT q2."User" AS "User", q2."user~2" AS "user" FROM (SELECT q1."User" AS ' +
      '"User", q1."user~2" AS "user~2" FROM "splunk"."windows" AS q1) AS q2',
    params: [],
    clickhouse:
      'SELECT q2.`User` AS `User`, q2.`user~2` AS `user` FROM (SELECT q1.`User` AS ' +
      '`User`, q1.`user~2` AS `user~2` FROM `splunk`.`windows` AS q1) AS q2',
  },
  values: {
    duckdb:
      'SELECT q1."name" AS "name", q1."n" AS "n" FROM (VALUES ($1, CAST($2 AS BIGINT)), ' +
      '($3, CAST(NULL AS BIGINT))) AS q1("name", "n")',
    params: ['a', 1, "b'"],
    clickhouse:
      "SELECT q1.`name` AS `name`, q1.`n` AS `n` FROM (SELECT 'a' AS `name`, CAST(1 AS " +
      "Nullable(Int64)) AS `n` UNION ALL SELECT 'b\\'' AS `name`, CAST(NULL AS " +
      'Nullable(Int64)) AS `n`) AS q1',
  },
  filter: {
    duckdb:
      'SELECT q1."Computer" AS "Computer", q1."EventID" AS "EventID", q1."Account" AS ' +
      '"Account", q1."TimeGenerated" AS "TimeGenerated" FROM "SecurityEvent" AS q1 WHERE ' +
      '(q1."EventID" = CAST($1 AS INTEGER))',
    params: [4688],
    clickhouse:
      'SELECT q1.`Computer` AS `Computer`, q1.`EventID` AS `EventID`, q1.`Account` AS ' +
      '`Account`, q1.`TimeGenerated` AS `TimeGenerated` FROM `SecurityEvent` AS q1 WHERE ' +
      '(q1.`EventID` = 4688)',
  },
  extend: {
    duckdb:
      'SELECT q1."Computer" AS "Computer", CAST($2 AS BIGINT) AS "EventID", q1."Account" ' +
      'AS "Account", q1."TimeGenerated" AS "TimeGenerated", q1."Computer" AS "Host" FROM ' +
      '"SecurityEvent" AS q1 WHERE (q1."EventID" = CAST($1 AS INTEGER))',
    params: [4688, 1],
    clickhouse:
      'SELECT q2.`Computer` AS `Computer`, q2.`EventID~2` AS `EventID`, q2.`Account` AS ' +
      '`Account`, q2.`TimeGenerated` AS `TimeGenerated`, q2.`Host` AS `Host` FROM (SELECT ' +
      'q1.`Computer` AS `Computer`, 1 AS `EventID~2`, q1.`Account` AS `Account`, ' +
      'q1.`TimeGenerated` AS `TimeGenerated`, q1.`Computer` AS `Host` FROM ' +
      '`SecurityEvent` AS q1 WHERE (q1.`EventID` = 4688)) AS q2',
  },
  aggregate: {
    duckdb:
      'SELECT q1."Computer" AS "Computer", count(*) AS "count_", count(DISTINCT ' +
      'q1."Account") AS "dcount_Account", max(q1."TimeGenerated") AS "TimeGenerated", ' +
      'struct_extract(arg_max(row(q1."EventID", q1."Account"), q1."TimeGenerated"), 1) AS ' +
      '"EventID", struct_extract(arg_max(row(q1."EventID", q1."Account"), ' +
      'q1."TimeGenerated"), 2) AS "Account" FROM "SecurityEvent" AS q1 GROUP BY ' +
      'q1."Computer"',
    params: [],
    clickhouse:
      'SELECT q2.`Computer` AS `Computer`, q2.`count_` AS `count_`, q2.`dcount_Account` ' +
      'AS `dcount_Account`, q2.`TimeGenerated~2` AS `TimeGenerated`, q2.`EventID~2` AS ' +
      '`EventID`, q2.`Account~2` AS `Account` FROM (SELECT q1.`Computer` AS `Computer`, ' +
      'count() AS `count_`, uniqExact(q1.`Account`) AS `dcount_Account`, ' +
      'max(q1.`TimeGenerated`) AS `TimeGenerated~2`, ' +
      'tupleElement(argMax(tuple(q1.`EventID`, q1.`Account`), q1.`TimeGenerated`), 1) AS ' +
      '`EventID~2`, tupleElement(argMax(tuple(q1.`EventID`, q1.`Account`), ' +
      'q1.`TimeGenerated`), 2) AS `Account~2` FROM `SecurityEvent` AS q1 GROUP BY ' +
      'q1.`Computer`) AS q2',
  },
  collect: {
    duckdb:
      'SELECT to_json(list_slice(coalesce(list(DISTINCT q1."Key") FILTER (WHERE q1."Key" ' +
      'IS NOT NULL), []), 1, 10)) AS "keys", to_json(coalesce(list(q1."Value1") FILTER ' +
      '(WHERE q1."Value1" IS NOT NULL), [])) AS "values", count_if((q1."Key" = $1)) AS ' +
      '"big" FROM "lefts" AS q1',
    params: ['b'],
    clickhouse:
      'SELECT arraySlice(groupUniqArray(q1.`Key`), 1, 10) AS `keys`, ' +
      "groupArray(q1.`Value1`) AS `values`, countIf((q1.`Key` = 'b')) AS `big` FROM " +
      '`lefts` AS q1',
  },
  sort: {
    duckdb:
      'SELECT q1."Computer" AS "Computer", q1."EventID" AS "EventID", q1."Account" AS ' +
      '"Account", q1."TimeGenerated" AS "TimeGenerated" FROM "SecurityEvent" AS q1 ORDER ' +
      'BY q1."TimeGenerated" DESC NULLS LAST, q1."Computer" ASC NULLS FIRST',
    params: [],
    clickhouse:
      'SELECT q1.`Computer` AS `Computer`, q1.`EventID` AS `EventID`, q1.`Account` AS ' +
      '`Account`, q1.`TimeGenerated` AS `TimeGenerated` FROM `SecurityEvent` AS q1 ORDER ' +
      'BY q1.`TimeGenerated` DESC NULLS LAST, q1.`Computer` ASC NULLS FIRST',
  },
  limit: {
    duckdb:
      'SELECT q1."Computer" AS "Computer", q1."EventID" AS "EventID", q1."Account" AS ' +
      '"Account", q1."TimeGenerated" AS "TimeGenerated" FROM "SecurityEvent" AS q1 LIMIT ' +
      '10',
    params: [],
    clickhouse:
      'SELECT q1.`Computer` AS `Computer`, q1.`EventID` AS `EventID`, q1.`Account` AS ' +
      '`Account`, q1.`TimeGenerated` AS `TimeGenerated` FROM `SecurityEvent` AS q1 LIMIT ' +
      '10',
  },
  top: {
    duckdb:
      'SELECT q1."Computer" AS "Computer", count(*) AS "count_" FROM "SecurityEvent" AS ' +
      'q1 GROUP BY q1."Computer" ORDER BY count(*) DESC NULLS LAST LIMIT 5',
    params: [],
    clickhouse:
      'SELECT q1.`Computer` AS `Computer`, count() AS `count_` FROM `SecurityEvent` AS q1 ' +
      'GROUP BY q1.`Computer` ORDER BY count() DESC NULLS LAST LIMIT 5',
  },
  distinct: {
    duckdb: 'SELECT DISTINCT q1."Computer" AS "Computer" FROM "SecurityEvent" AS q1',
    params: [],
    clickhouse: 'SELECT DISTINCT q1.`Computer` AS `Computer` FROM `SecurityEvent` AS q1',
  },
  inner: {
    duckdb:
      'SELECT q1."Key" AS "Key", q1."Value1" AS "Value1", q2."Key" AS "Key1", q2."Value2" ' +
      'AS "Value2" FROM "lefts" AS q1 INNER JOIN "rights" AS q2 ON (q1."Key" = q2."Key")',
    params: [],
    clickhouse:
      'SELECT q3.`Key` AS `Key`, q3.`Value1` AS `Value1`, q4.`Key1` AS `Key1`, ' +
      'q4.`Value2` AS `Value2` FROM (SELECT q1.`Key` AS `Key`, q1.`Value1` AS `Value1`, ' +
      'assumeNotNull(CAST(q1.`Key` AS Nullable(String))) AS `~key1`, ' +
      'toUInt8((isNull(CAST(q1.`Key` AS Nullable(String)))) * 1) AS `~nulls` FROM `lefts` ' +
      'AS q1) AS q3 ALL INNER JOIN (SELECT q2.`Key` AS `Key1`, q2.`Value2` AS `Value2`, ' +
      'assumeNotNull(CAST(q2.`Key` AS Nullable(String))) AS `~key1`, ' +
      'toUInt8((isNull(CAST(q2.`Key` AS Nullable(String)))) * 2) AS `~nulls` FROM ' +
      '`rights` AS q2) AS q4 USING (`~key1`, `~nulls`)',
  },
  innerunique: {
    duckdb:
      'SELECT q3."Key" AS "Key", q3."Value1" AS "Value1", q2."Key" AS "Key1", q2."Value2" ' +
      'AS "Value2" FROM (SELECT DISTINCT ON (q1."Key") * FROM "lefts" AS q1) AS q3 INNER ' +
      'JOIN "rights" AS q2 ON (q3."Key" = q2."Key")',
    params: [],
    clickhouse:
      'SELECT q3.`Key` AS `Key`, q3.`Value1` AS `Value1`, q4.`Key1` AS `Key1`, ' +
      'q4.`Value2` AS `Value2` FROM (SELECT q1.`Key` AS `Key`, q1.`Value1` AS `Value1`, ' +
      'assumeNotNull(CAST(q1.`Key` AS Nullable(String))) AS `~key1`, ' +
      'toUInt8((isNull(CAST(q1.`Key` AS Nullable(String)))) * 1) AS `~nulls` FROM `lefts` ' +
      'AS q1 LIMIT 1 BY assumeNotNull(CAST(q1.`Key` AS Nullable(String))), ' +
      'toUInt8((isNull(CAST(q1.`Key` AS Nullable(String)))) * 1)) AS q3 ALL INNER JOIN ' +
      '(SELECT q2.`Key` AS `Key1`, q2.`Value2` AS `Value2`, assumeNotNull(CAST(q2.`Key` ' +
      'AS Nullable(String))) AS `~key1`, toUInt8((isNull(CAST(q2.`Key` AS ' +
      'Nullable(String)))) * 2) AS `~nulls` FROM `rights` AS q2) AS q4 USING (`~key1`, ' +
      '`~nulls`)',
  },
  leftouter: {
    duckdb:
      'SELECT q1."Key" AS "Key", q1."Value1" AS "Value1", q2."Key" AS "Key1", q2."Value2" ' +
      'AS "Value2" FROM "lefts" AS q1 LEFT JOIN "rights" AS q2 ON (q1."Key" = q2."Key")',
    params: [],
    clickhouse:
      'SELECT q5.`Key` AS `Key`, q5.`Value1` AS `Value1`, q5.`Key1` AS `Key1`, ' +
      'q5.`Value2~2` AS `Value2` FROM (SELECT q3.`Key` AS `Key`, q3.`Value1` AS `Value1`, ' +
      'q4.`Key1` AS `Key1`, q4.`Value2~2` AS `Value2~2` FROM (SELECT q1.`Key` AS `Key`, ' +
      'q1.`Value1` AS `Value1`, assumeNotNull(CAST(q1.`Key` AS Nullable(String))) AS ' +
      '`~key1`, toUInt8((isNull(CAST(q1.`Key` AS Nullable(String)))) * 1) AS `~nulls` ' +
      'FROM `lefts` AS q1) AS q3 ALL LEFT OUTER JOIN (SELECT toNullable(q2.`Key`) AS ' +
      '`Key1`, toNullable(q2.`Value2`) AS `Value2~2`, assumeNotNull(CAST(q2.`Key` AS ' +
      'Nullable(String))) AS `~key1`, toUInt8((isNull(CAST(q2.`Key` AS ' +
      'Nullable(String)))) * 2) AS `~nulls` FROM `rights` AS q2) AS q4 USING (`~key1`, ' +
      '`~nulls`)) AS q5',
  },
  leftsemi: {
    duckdb:
      'SELECT q1."Key" AS "Key", q1."Value1" AS "Value1" FROM "lefts" AS q1 SEMI JOIN ' +
      '"rights" AS q2 ON (q1."Key" = q2."Key")',
    params: [],
    clickhouse:
      'SELECT q3.`Key` AS `Key`, q3.`Value1` AS `Value1` FROM (SELECT q1.`Key` AS `Key`, ' +
      'q1.`Value1` AS `Value1` FROM `lefts` AS q1) AS q3 WHERE CAST(q3.`Key` AS ' +
      'Nullable(String)) IN (SELECT CAST(q2.`Key` AS Nullable(String)) FROM `rights` AS ' +
      'q2)',
  },
  rightanti: {
    duckdb:
      'SELECT q2."Key" AS "Key", q2."Value2" AS "Value2" FROM "rights" AS q2 ANTI JOIN ' +
      '"lefts" AS q1 ON (q1."Key" = q2."Key")',
    params: [],
    clickhouse:
      'SELECT q3.`Key` AS `Key`, q3.`Value2` AS `Value2` FROM (SELECT q2.`Key` AS `Key`, ' +
      'q2.`Value2` AS `Value2` FROM `rights` AS q2) AS q3 WHERE CAST(q3.`Key` AS ' +
      'Nullable(String)) NOT IN (SELECT CAST(q1.`Key` AS Nullable(String)) FROM `lefts` ' +
      'AS q1)',
  },
  union: {
    duckdb:
      'SELECT q3."Table" AS "Table", q3."Key" AS "Key", q3."Value1" AS "Value1", ' +
      'q3."Value2" AS "Value2" FROM (SELECT $1 AS "Table", q1."Key" AS "Key", q1."Value1" ' +
      'AS "Value1", CAST(NULL AS BIGINT) AS "Value2" FROM "lefts" AS q1 UNION ALL SELECT ' +
      '$2 AS "Table", q2."Key" AS "Key", CAST(NULL AS BIGINT) AS "Value1", q2."Value2" AS ' +
      '"Value2" FROM "rights" AS q2) AS q3',
    params: ['lefts', 'rights'],
    clickhouse:
      'SELECT q3.`Table` AS `Table`, q3.`Key` AS `Key`, q3.`Value1` AS `Value1`, ' +
      "q3.`Value2` AS `Value2` FROM (SELECT 'lefts' AS `Table`, q1.`Key` AS `Key`, " +
      'q1.`Value1` AS `Value1`, CAST(NULL AS Nullable(Int64)) AS `Value2` FROM `lefts` AS ' +
      "q1 UNION ALL SELECT 'rights' AS `Table`, q2.`Key` AS `Key`, CAST(NULL AS " +
      'Nullable(Int64)) AS `Value1`, q2.`Value2` AS `Value2` FROM `rights` AS q2) AS q3',
  },
  unnest: {
    duckdb:
      'SELECT q3."Items" AS "Items", q3."Index" AS "Index" FROM (SELECT ' +
      'TRY_CAST(json_extract_string(unnest(CASE json_type(q2."Items") WHEN \'ARRAY\' THEN ' +
      'CAST(q2."Items" AS JSON[]) ELSE [q2."Items"] END), \'$\') AS BIGINT) AS "Items", ' +
      'generate_subscripts(CASE json_type(q2."Items") WHEN \'ARRAY\' THEN CAST(q2."Items" ' +
      'AS JSON[]) ELSE [q2."Items"] END, 1) - 1 AS "Index" FROM (SELECT q1."Items" AS ' +
      '"Items" FROM (VALUES (CAST($1 AS JSON))) AS q1("Items")) AS q2) AS q3',
    params: ['[1, 2]'],
    clickhouse: undefined,
  },
};

describe('the SQL of each plan operator', () => {
  for (const [name, golden] of Object.entries(GOLDEN)) {
    it(`compiles ${name} for DuckDB and for ClickHouse`, () => {
      const rel = CASES[name as keyof typeof CASES];
      const duckdb = compileDuckDB(rel);
      assert.equal(duckdb.sql, golden.duckdb);
      assert.deepEqual(duckdb.params, golden.params);
      if (golden.clickhouse === undefined) {
        assert.throws(() => compileClickHouse(rel), NotSupportedError);
      } else {
        assert.equal(compileClickHouse(rel).sql, golden.clickhouse);
      }
    });
  }
});

/** Rows in a stable order, with integers as numbers, so that engines compare equal. */
function normalized(rows: readonly (readonly Value[])[]): unknown[][] {
  const plain = rows.map((row) =>
    row.map((v) => (typeof v === 'bigint' ? Number(v) : Array.isArray(v) ? [...v].sort() : v)),
  );
  return plain.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

const TABLES = [LEFT, RIGHT, SCORES];

const JOIN_ROWS: Record<JoinKind, unknown[][]> = {
  inner: [
    ['b', 2, 'b', 10],
    ['b', 3, 'b', 10],
    ['c', 4, 'c', 20],
    ['c', 4, 'c', 30],
  ],
  innerunique: [],
  leftouter: [
    ['a', 1, null, null],
    ['b', 2, 'b', 10],
    ['b', 3, 'b', 10],
    ['c', 4, 'c', 20],
    ['c', 4, 'c', 30],
    [null, 5, null, null],
  ],
  rightouter: [
    ['b', 2, 'b', 10],
    ['b', 3, 'b', 10],
    ['c', 4, 'c', 20],
    ['c', 4, 'c', 30],
    [null, null, 'd', 40],
    [null, null, null, 50],
  ],
  fullouter: [
    ['a', 1, null, null],
    ['b', 2, 'b', 10],
    ['b', 3, 'b', 10],
    ['c', 4, 'c', 20],
    ['c', 4, 'c', 30],
    [null, 5, null, null],
    [null, null, 'd', 40],
    [null, null, null, 50],
  ],
  leftsemi: [
    ['b', 2],
    ['b', 3],
    ['c', 4],
  ],
  leftanti: [
    ['a', 1],
    [null, 5],
  ],
  rightsemi: [
    ['b', 10],
    ['c', 20],
    ['c', 30],
  ],
  rightanti: [
    ['d', 40],
    [null, 50],
  ],
};

/** The plans run on both engines, and the rows Kusto gives for them (in any order). */
const RUNS: readonly { name: string; plan: Relation; rows: unknown[][]; ordered?: boolean }[] = [
  ...Object.entries(JOIN_ROWS)
    .filter(([kind]) => kind !== 'innerunique')
    .map(([kind, rows]) => ({ name: `a ${kind} join`, plan: joinOn(kind as JoinKind), rows })),
  {
    name: 'a union by name, with nulls for missing columns and the source of each row',
    plan: CASES.union,
    rows: [
      ...LEFT.rows.map((r) => ['lefts', r[0], r[1], null]),
      ...RIGHT.rows.map((r) => ['rights', r[0], null, r[1]]),
    ],
  },
  {
    name: 'top by a descending key, nulls last',
    plan: plan.topN(scanOf(SCORES), [plan.desc(col('Score'))], 3),
    rows: [
      ['z', 7],
      ['x', 3],
      ['w', 1],
    ],
    ordered: true,
  },
  {
    name: 'top by an ascending key, nulls first',
    plan: plan.topN(scanOf(SCORES), [plan.asc(col('Score'))], 2),
    rows: [
      ['y', null],
      ['w', 1],
    ],
    ordered: true,
  },
  {
    name: 'a filter after sort and take, which keeps the order',
    plan: plan.filter(
      plan.limit(plan.sort(scanOf(SCORES), [plan.asc(col('Score'))]), 3),
      call('ne', col('Name'), lit('w')),
    ),
    rows: [
      ['y', null],
      ['x', 3],
    ],
    ordered: true,
  },
  {
    name: 'aggregations without group keys, arg_max returning every other column',
    plan: plan.aggregate(
      scanOf(LEFT),
      [],
      [
        { fn: 'count', name: 'count_' },
        { fn: 'dcount', name: 'dcount_Key', arg: col('Key') },
        { fn: 'countif', name: 'countif_', arg: call('eq', col('Key'), lit('b')) },
        {
          fn: 'arg_max',
          name: 'Value1',
          arg: col('Value1'),
          returns: plan.allOtherColumns(scanOf(LEFT), [], col('Value1')),
        },
      ],
    ),
    rows: [[5, 3, 2, 5, null]],
  },
  {
    name: 'aggregations by key, arg_min and sets without nulls',
    plan: plan.aggregate(
      scanOf(RIGHT),
      [{ name: 'Key', expr: col('Key') }],
      [
        { fn: 'sum', name: 'sum_Value2', arg: col('Value2') },
        {
          fn: 'arg_min',
          name: 'Value2',
          arg: col('Value2'),
          returns: [{ name: 'Twice', expr: col('Key') }],
        },
        { fn: 'make_list', name: 'list', arg: col('Key') },
      ],
    ),
    rows: [
      ['b', 10, 10, 'b', ['b']],
      ['c', 50, 20, 'c', ['c', 'c']],
      ['d', 40, 40, 'd', ['d']],
      [null, 50, 50, null, []],
    ],
  },
  {
    name: 'literal rows with a quote and a null',
    plan: CASES.values,
    rows: [
      ['a', 1],
      ["b'", null],
    ],
  },
  {
    name: 'a projection that swaps two names',
    plan: plan.project(scanOf(LEFT), [
      { name: 'Value1', expr: col('Key') },
      { name: 'Key', expr: col('Value1') },
    ]),
    rows: LEFT.rows.map((row) => [...row]),
  },
];

/** Checks a result against the expected rows and the plan's column names. */
function check(
  run: (typeof RUNS)[number],
  result: { columns: readonly { name: string }[]; rows: readonly (readonly Value[])[] },
  columns: readonly { name: string }[],
): void {
  assert.deepEqual(
    result.columns.map((c) => c.name),
    columns.map((c) => c.name),
  );
  if (run.ordered) {
    const plain = result.rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
    assert.deepEqual(plain, run.rows);
  } else {
    assert.deepEqual(normalized(result.rows), normalized(run.rows as Value[][]));
  }
}

describe('plans run on DuckDB', () => {
  let engine: DuckDBEngine;

  before(async () => {
    engine = await DuckDBEngine.open({ path: ':memory:' });
    for (const table of TABLES) await createDuckDBTable(engine, table);
  });

  after(async () => {
    await engine.close();
  });

  for (const run of RUNS) {
    it(`returns Kusto's rows for ${run.name}`, async () => {
      const compiled = compileDuckDB(run.plan);
      check(run, await engine.query(compiled.sql, compiled.params), compiled.columns);
    });
  }

  it('keeps one left row per key before an innerunique join', async () => {
    const compiled = compileDuckDB(joinOn('innerunique'));
    const rows = normalized((await engine.query(compiled.sql, compiled.params)).rows);
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((r) => r[0]),
      ['b', 'c', 'c'],
    );
    assert.ok([2, 3].includes(rows[0]![1] as number));
    assert.deepEqual(rows[1]!.slice(1), [4, 'c', 20]);
  });

  it('expands an array into a row per element, a null into one row, [] into none', async () => {
    const items = ['[1, 2]', null, '[]', '5'];
    const rel = plan.unnest(
      plan.values(
        [{ name: 'Items', type: 'dynamic' }],
        items.map((i) => [lit(i, 'dynamic')]),
      ),
      'Item',
      col('Items'),
      { type: 'long', index: 'Index' },
    );
    const compiled = compileDuckDB(rel);
    const { rows } = await engine.query(compiled.sql, compiled.params);
    const plain = normalized(rows.map((r) => r.slice(1)));
    assert.deepEqual(plain, [
      [1, 0],
      [2, 1],
      [5, 0],
      [null, 0],
    ]);
  });
});

async function createDuckDBTable(engine: DuckDBEngine, table: TestTable): Promise<void> {
  const types = { string: 'VARCHAR', long: 'BIGINT' } as Record<string, string>;
  const columns = table.columns.map((c) => `"${c.name}" ${types[c.type]}`).join(', ');
  await engine.execute(`CREATE TABLE "${table.name}" (${columns})`);
  const marks = table.columns.map(() => '?').join(', ');
  for (const row of table.rows) {
    await engine.execute(`INSERT INTO "${table.name}" VALUES (${marks})`, row as Param[]);
  }
}

describe('plans run on ClickHouse', { skip: NO_CLICKHOUSE }, () => {
  let server: ClickHouseServer;
  let reader: ClickHouseHttp;

  before(async () => {
    server = (await withClickHouse())!;
    await createFixtureTables(new ClickHouseHttp(server.url), TABLES);
    reader = new ClickHouseHttp(server.readerUrl);
  });

  after(async () => {
    await server?.stop();
  });

  for (const run of RUNS) {
    it(`returns Kusto's rows for ${run.name}`, async () => {
      const compiled = compileClickHouse(run.plan);
      check(run, await reader.query(compiled.sql), compiled.columns);
    });
  }

  it('keeps one left row per key before an innerunique join', async () => {
    const compiled = compileClickHouse(joinOn('innerunique'));
    const rows = normalized((await reader.query(compiled.sql)).rows);
    assert.deepEqual(
      rows.map((r) => r[0]),
      ['b', 'c', 'c'],
    );
    assert.ok([2, 3].includes(rows[0]![1] as number));
  });
});
