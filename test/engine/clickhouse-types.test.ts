import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Instant } from '../../src/engine/engine.js';
import { readServerError } from '../../src/engine/clickhouse/errors.js';
import { parseClickHouseType, scalarTypeOfClickHouse } from '../../src/engine/clickhouse/types.js';
import { needsServerZone, valueReader } from '../../src/engine/clickhouse/values.js';

const reader = (type: string, zone = 'UTC') => valueReader(parseClickHouseType(type), zone);

describe('ClickHouse type names', () => {
  it('parse into a name and arguments, keeping literals and nested types apart', () => {
    assert.deepEqual(parseClickHouseType("Array(Nullable(DateTime('Europe/Paris')))"), {
      name: 'Array',
      args: [
        {
          kind: 'type',
          type: {
            name: 'Nullable',
            args: [
              {
                kind: 'type',
                type: { name: 'DateTime', args: [{ kind: 'literal', text: "'Europe/Paris'" }] },
              },
            ],
          },
        },
      ],
    });
  });

  it('split arguments only at commas outside quotes and parentheses', () => {
    const parsed = parseClickHouseType("Tuple(Enum8('a,b' = 1, 'c' = 2), Decimal(18, 3))");
    assert.deepEqual(
      parsed.args.map((arg) => (arg.kind === 'type' ? arg.type.name : arg.text)),
      ['Enum8', 'Decimal'],
    );
  });

  it('map to Kusto types through Nullable and LowCardinality', () => {
    const cases: [string, string][] = [
      ['LowCardinality(Nullable(String))', 'string'],
      ['Nullable(UInt32)', 'long'],
      ['UInt16', 'int'],
      ['Decimal(38, 10)', 'decimal'],
      ["DateTime('UTC')", 'datetime'],
      ['Array(String)', 'dynamic'],
      ['Tuple(a String, b Int64)', 'dynamic'],
      ['Nothing', 'string'],
      ['AggregateFunction(uniq, String)', 'dynamic'],
    ];
    for (const [type, scalar] of cases) assert.equal(scalarTypeOfClickHouse(type), scalar, type);
  });

  it('need the server zone only for a DateTime that names none', () => {
    assert.equal(needsServerZone(parseClickHouseType('Array(Nullable(DateTime))')), true);
    assert.equal(needsServerZone(parseClickHouseType("DateTime('UTC')")), false);
    assert.equal(needsServerZone(parseClickHouseType('Date')), false);
  });
});

describe('ClickHouse values', () => {
  it('read a DateTime as wall-clock time in its zone', () => {
    const read = reader('DateTime', 'America/New_York');
    assert.deepEqual(read('2024-01-15 12:00:00'), Instant.fromMillis(Date.UTC(2024, 0, 15, 17)));
  });

  it('read the zero Date and DateTime as the epoch', () => {
    assert.deepEqual(reader('DateTime')('0000-00-00 00:00:00'), new Instant(0n));
    assert.deepEqual(reader('Date')('0000-00-00'), new Instant(0n));
  });

  it('read non-finite floats from their quoted spellings', () => {
    assert.equal(reader('Float64')('-inf'), Number.NEGATIVE_INFINITY);
    assert.ok(Number.isNaN(reader('Float32')('nan')));
  });

  it('refuse a value that does not have its type shape', () => {
    assert.throws(() => reader('Int64')('12.5'), /a value of type Int64 came back as "12.5"/);
    assert.throws(() => reader('DateTime')('yesterday'), /type DateTime came back/);
  });
});

describe('ClickHouse error text', () => {
  it('yields the code and message of an 18.16 error without its trailer', () => {
    const text =
      'Code: 117, e.displayText() = DB::Exception: Unknown field found while parsing ' +
      'JSONEachRow format: h: (at row 1)\n, e.what() = DB::Exception\n';
    assert.deepEqual(readServerError(text), {
      code: 117,
      message: 'Unknown field found while parsing JSONEachRow format: h: (at row 1)',
    });
  });

  it('yields the code and first line of a newer server error', () => {
    const text =
      'Code: 47. DB::Exception: Missing columns: x while processing query. ' +
      '(UNKNOWN_IDENTIFIER) (version 24.8.1.1)\nStack trace:\n0. foo\n';
    assert.deepEqual(readServerError(text), {
      code: 47,
      message: 'Missing columns: x while processing query. (UNKNOWN_IDENTIFIER) (version 24.8.1.1)',
    });
  });

  it('finds the error after rows that mention an earlier one', () => {
    const text =
      '["Code: 1, e.displayText() = DB::Exception: old"],\n' +
      '["x"]Code: 395, e.displayText() = DB::Exception: thrown, e.what() = DB::Exception\n';
    assert.deepEqual(readServerError(text, 'last'), { code: 395, message: 'thrown' });
    assert.equal(readServerError('plain text'), undefined);
  });
});
