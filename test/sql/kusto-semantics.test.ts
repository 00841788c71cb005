import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ClickHouseHttp } from '../../src/engine/clickhouse/http.js';
import { DuckDBEngine } from '../../src/engine/duckdb/engine.js';
import type { Value } from '../../src/engine/engine.js';
import { cast } from '../../src/plan/expr.js';
import { ClickHouseCompiler } from '../../src/sql/clickhouse.js';
import type { SqlCompiler } from '../../src/sql/compile.js';
import { DuckDBCompiler } from '../../src/sql/duckdb.js';
import { NO_CLICKHOUSE, withClickHouse, type ClickHouseServer } from '../support/clickhouse.js';
import { NOW, type Example } from './example.js';
import { NULLS, STRING_OPERATORS, TERMS } from './text-examples.js';
import { ARITHMETIC, DATETIMES } from './time-examples.js';
import { VALUES } from './value-examples.js';

/** The examples, by the part of Kusto they show. */
const GROUPS: readonly (readonly [string, readonly Example[]])[] = [
  ['string operators', STRING_OPERATORS],
  ['terms', TERMS],
  ['nulls', NULLS],
  ['arithmetic', ARITHMETIC],
  ['datetimes', DATETIMES],
  ['values', VALUES],
];

/** Runs one example's `tostring` and returns the single value. */
type Run = (compiler: SqlCompiler, example: Example) => Promise<Value>;

function checkAll(engine: string, compiler: () => SqlCompiler, run: () => Run): void {
  for (const [group, examples] of GROUPS) {
    describe(`Kusto's ${group} on ${engine}`, () => {
      for (const example of examples) {
        const skip = engine === 'ClickHouse' ? (example.notOnClickHouse ?? false) : false;
        it(`gives ${JSON.stringify(example.text)} for ${example.name}`, { skip }, async () => {
          assert.equal(await run()(compiler(), example), example.text);
        });
      }
    });
  }
}

describe('Kusto semantics, executed on DuckDB', () => {
  let engine: DuckDBEngine;
  const compiler = new DuckDBCompiler(new Map(), { now: NOW });

  before(async () => {
    engine = await DuckDBEngine.open({ path: ':memory:' });
    await engine.execute("SET TimeZone='UTC'");
  });
  after(async () => engine.close());

  checkAll(
    'DuckDB',
    () => compiler,
    () => async (c, example) => {
      const result = await engine.query(`SELECT ${c.compile(cast('string', example.expr))} AS v`);
      return result.rows[0]![0]!;
    },
  );
});

describe('Kusto semantics, executed on ClickHouse 18.16', { skip: NO_CLICKHOUSE }, () => {
  let server: ClickHouseServer | undefined;
  let client: ClickHouseHttp;
  const compiler = new ClickHouseCompiler({ now: NOW });

  before(async () => {
    server = await withClickHouse();
    client = new ClickHouseHttp(server!.readerUrl, { readonly: true });
  });
  after(async () => server?.stop());

  checkAll(
    'ClickHouse',
    () => compiler,
    () => async (c, example) => {
      const result = await client.query(`SELECT ${c.compile(cast('string', example.expr))} AS v`);
      return result.rows[0]![0]!;
    },
  );
});
