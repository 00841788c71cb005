import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { Duration, Instant, type Value } from '../../src/engine/engine.js';
import { ClickHouseConnectionError, ClickHouseError } from '../../src/engine/clickhouse/errors.js';
import { ClickHouseHttp } from '../../src/engine/clickhouse/http.js';
import type { ScalarType } from '../../src/plan/types.js';
import {
  createFixtureTables,
  NO_CLICKHOUSE,
  withClickHouse,
  type ClickHouseServer,
} from '../support/clickhouse.js';

/** One selected expression, the ClickHouse type it has, its Kusto type and the value read. */
type TypeCase = readonly [sql: string, nativeType: string, type: ScalarType, value: Value];

const GUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

const at = (iso: string) => Instant.fromMillis(Date.parse(iso));

const TYPE_CASES: readonly TypeCase[] = [
  ["'héllo'", 'String', 'string', 'héllo'],
  ["toFixedString('ab', 2)", 'FixedString(2)', 'string', 'ab'],
  ["CAST('b' AS Enum8('a' = 1, 'b' = 2))", "Enum8('a' = 1, 'b' = 2)", 'string', 'b'],
  ['toInt8(-8)', 'Int8', 'int', -8],
  ['toInt16(-16)', 'Int16', 'int', -16],
  ['toInt32(-2147483648)', 'Int32', 'int', -2147483648],
  ['toUInt8(255)', 'UInt8', 'int', 255],
  ['toUInt16(65535)', 'UInt16', 'int', 65535],
  ['toUInt32(4294967295)', 'UInt32', 'long', 4294967295n],
  ['toInt64(-9223372036854775808)', 'Int64', 'long', -9223372036854775808n],
  ['toUInt64(18446744073709551615)', 'UInt64', 'long', 18446744073709551615n],
  ['toFloat32(0.5)', 'Float32', 'real', 0.5],
  ['toFloat64(-2.25)', 'Float64', 'real', -2.25],
  ['inf', 'Float64', 'real', Number.POSITIVE_INFINITY],
  ['toDecimal64(12.345, 3)', 'Decimal(18, 3)', 'decimal', 12.345],
  ["toDateTime('2024-03-10 02:30:00')", 'DateTime', 'datetime', at('2024-03-10T02:30:00Z')],
  [
    "toDateTime('2024-07-01 12:00:00', 'Europe/Paris')",
    "DateTime('Europe/Paris')",
    'datetime',
    at('2024-07-01T10:00:00Z'),
  ],
  ['toDateTime(0)', 'DateTime', 'datetime', new Instant(0n)],
  ["toDate('2024-02-29')", 'Date', 'datetime', at('2024-02-29T00:00:00Z')],
  [`toUUID('${GUID}')`, 'UUID', 'guid', GUID],
  ['[toUInt64(1), NULL]', 'Array(Nullable(UInt64))', 'dynamic', [1n, null]],
  [
    "[toDateTime('2024-01-01 00:00:01')]",
    'Array(DateTime)',
    'dynamic',
    [at('2024-01-01T00:00:01Z')],
  ],
  ["tuple('a', toInt64(5))", 'Tuple(String, Int64)', 'dynamic', ['a', 5n]],
  ['toNullable(toInt32(7))', 'Nullable(Int32)', 'int', 7],
  ['CAST(NULL AS Nullable(String))', 'Nullable(String)', 'string', null],
  ['NULL', 'Nullable(Nothing)', 'string', null],
];

/** Runs `use` and returns the error it rejects with, failing when it does not. */
async function rejection(use: () => Promise<unknown>): Promise<Error> {
  try {
    await use();
  } catch (error) {
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('ClickHouse over HTTP', { skip: NO_CLICKHOUSE }, () => {
  let server: ClickHouseServer;
  let admin: ClickHouseHttp;
  let reader: ClickHouseHttp;

  before(async () => {
    server = (await withClickHouse())!;
    admin = new ClickHouseHttp(server.url);
    reader = new ClickHouseHttp(server.readerUrl);
  });

  after(async () => {
    await server?.stop();
  });

  it('reads every mapped ClickHouse type with its Kusto type and value', async () => {
    const select = TYPE_CASES.map(([sql], i) => `${sql} AS c${i}`).join(', ');
    const result = await reader.query(`SELECT ${select}`);

    TYPE_CASES.forEach(([sql, nativeType, type, value], i) => {
      assert.deepEqual(result.columns[i], { name: `c${i}`, type, nativeType }, sql);
      assert.deepEqual(result.rows[0]?.[i], value, sql);
    });
  });

  it('reads not-a-number from a float column', async () => {
    const result = await reader.query('SELECT nan AS x');
    assert.ok(Number.isNaN(result.rows[0]?.[0]));
  });

  it('reads fixture rows back with the values they were written with', async () => {
    const rows: Value[][] = [
      [1, 9007199254740993n, 'a\t"b"\n', at('2024-05-06T07:08:09Z'), true, { k: [1, 'x'] }],
      [null, -1n, '', at('1999-12-31T23:59:59Z'), false, null],
    ];
    await createFixtureTables(admin, [
      {
        name: 'fixture events',
        columns: [
          { name: 'n', type: 'int' },
          { name: 'big', type: 'long' },
          { name: 's', type: 'string' },
          { name: 't', type: 'datetime' },
          { name: 'flag', type: 'bool' },
          { name: 'extra', type: 'dynamic' },
        ],
        rows,
      },
    ]);

    const result = await reader.query('SELECT * FROM `fixture events` ORDER BY big DESC');
    assert.deepEqual(
      result.columns.map((c) => c.type),
      ['int', 'long', 'string', 'datetime', 'int', 'string'],
    );
    assert.deepEqual(result.rows, [
      [1, 9007199254740993n, 'a\t"b"\n', at('2024-05-06T07:08:09Z'), 1, '{"k":[1,"x"]}'],
      [null, -1n, '', at('1999-12-31T23:59:59Z'), 0, null],
    ]);
  });

  it('turns a server error into a ClickHouseError with its code and message', async () => {
    const error = await rejection(() => reader.query('SELECT no_such_column'));

    assert.ok(error instanceof ClickHouseError);
    assert.equal(error.code, 47);
    assert.equal(error.endpoint, server.url);
    assert.match(error.message, /^ClickHouse at http:\/\/127\.0\.0\.1:\d+: code 47: /);
    assert.match(error.message, /no_such_column/);
    assert.doesNotMatch(error.message, /e\.what\(\)|\n/);
  });

  it('reports an error that arrives after rows were already sent', async () => {
    const sql = 'SELECT number, throwIf(number = 200000) FROM system.numbers LIMIT 300000';
    const error = await rejection(() => admin.query(sql));

    assert.ok(error instanceof ClickHouseError);
    assert.equal(error.code, 395);
  });

  it('refuses CREATE, INSERT, url() and file() to the readonly user', async () => {
    await createFixtureTables(admin, [
      { name: 'guarded', columns: [{ name: 'x', type: 'int' }], rows: [[1]] },
    ]);
    const attempts = [
      () => reader.execute('CREATE TABLE sneaky (x UInt8) ENGINE = Memory'),
      () => reader.execute('INSERT INTO guarded VALUES (2)'),
      () => reader.query(`SELECT * FROM url('${server.url}/?query=SELECT+1', TSV, 'x UInt8')`),
      () => reader.query("SELECT * FROM file('guarded.tsv', TSV, 'x UInt8')"),
    ];

    for (const attempt of attempts) {
      const error = await rejection(attempt);
      assert.ok(error instanceof ClickHouseError, String(error));
      assert.equal(error.code, 164, error.message);
    }
    assert.deepEqual((await admin.query('SELECT count() FROM guarded')).rows, [[1n]]);
  });

  it('keeps a client made readonly from writing even as the default user', async () => {
    const sealed = new ClickHouseHttp(server.url, { readonly: true });
    const error = await rejection(() =>
      sealed.execute('CREATE TABLE sneaky (x UInt8) ENGINE = Memory'),
    );

    assert.ok(error instanceof ClickHouseError);
    assert.equal(error.code, 164);
  });

  it('names the endpoint of a stopped server, without waiting', async (t) => {
    const spare = await withClickHouse();
    if (!spare?.started) return t.skip('the server in use was not started by the tests');
    const client = new ClickHouseHttp(spare.url, { connectTimeoutMs: 2_000, timeoutMs: 5_000 });
    assert.deepEqual((await client.query('SELECT 1 AS one')).rows, [[1]]);
    await spare.stop();

    const started = Date.now();
    const error = await rejection(() => client.query('SELECT 1'));
    assert.ok(error instanceof ClickHouseConnectionError);
    assert.equal(error.endpoint, spare.url);
    assert.match(error.message, new RegExp(`${spare.url}.*connection refused`));
    assert.ok(Date.now() - started < 2_000);
  });
});

describe('ClickHouse connection failures', () => {
  let silent: Server;
  let silentUrl: string;
  const sockets = new Set<Socket>();

  before(async () => {
    // Accepts connections and never answers, as a hung server would.
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    silentUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  after(() => {
    for (const socket of sockets) socket.destroy();
    silent.close();
  });

  it('gives up on a server that never answers within the timeout', async () => {
    const client = new ClickHouseHttp(silentUrl, { timeoutMs: 300 });
    const started = Date.now();
    const error = await rejection(() => client.query('SELECT 1'));

    assert.ok(error instanceof ClickHouseConnectionError);
    assert.equal(error.message, `ClickHouse at ${silentUrl}: no complete answer within 300 ms`);
    assert.ok(Date.now() - started < 2_000);
  });

  it('names the endpoint when nothing listens on its port', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const client = new ClickHouseHttp(`http://127.0.0.1:${closed}`, { timeoutMs: 2_000 });

    const error = await rejection(() => client.execute('SELECT 1'));
    assert.ok(error instanceof ClickHouseConnectionError);
    assert.equal(
      error.message,
      `ClickHouse at http://127.0.0.1:${closed}: connection refused (is the server running?)`,
    );
  });

  it('never puts the password of a URL in its messages', async () => {
    const client = new ClickHouseHttp('http://someone:secret@127.0.0.1:1');
    const error = await rejection(() => client.query('SELECT 1'));
    assert.doesNotMatch(error.message, /secret|someone/);
  });
});
