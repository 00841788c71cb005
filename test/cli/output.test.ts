import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { csvField } from '../../src/cli/output/csv.js';
import { jsonText } from '../../src/cli/output/json.js';
import {
  parseOutputFormat,
  renderResult,
  summaryLine,
  writeResult,
  type RenderOptions,
} from '../../src/cli/output/render.js';
import { visibleText } from '../../src/cli/output/table.js';
import { displayWidth, truncateToWidth } from '../../src/cli/output/text-width.js';
import { Duration, Instant, type ResultSet } from '../../src/engine/engine.js';
import { InputError } from '../../src/errors.js';

const NEW_YORK = 'America/New_York';

/** 2026-12-03T17:13:57.123456789Z. */
const INSTANT = new Instant(1_796_318_037_123_456_789n);

/** A day, two hours, three minutes and 4.5 seconds. */
const DURATION = new Duration(93_784_500_000_000n);

const MIXED: ResultSet = {
  columns: [
    { name: 'Computer', type: 'string' },
    { name: 'Count', type: 'long' },
    { name: 'TimeGenerated', type: 'datetime' },
    { name: 'Elapsed', type: 'timespan' },
    { name: 'Data', type: 'dynamic' },
    { name: 'Ok', type: 'bool' },
  ],
  rows: [
    ['WS01', 12n, INSTANT, DURATION, { ids: [1, 2n ** 60n] }, true],
    [null, 2n ** 53n, null, null, null, null],
  ],
};

/** Renders `result` in `format` in New York time, with `extra` options. */
function render(result: ResultSet, format: RenderOptions['format'], extra = {}): string {
  return renderResult(result, { format, tz: NEW_YORK, ...extra });
}

/** A one-column text result. */
function oneColumn(name: string, values: readonly (string | null)[]): ResultSet {
  return { columns: [{ name, type: 'string' }], rows: values.map((value) => [value]) };
}

describe('parseOutputFormat', () => {
  it('reads the four formats in any letter case', () => {
    assert.equal(parseOutputFormat('table'), 'table');
    assert.equal(parseOutputFormat('JSON'), 'json');
    assert.equal(parseOutputFormat(' ndjson '), 'ndjson');
    assert.equal(parseOutputFormat('csv'), 'csv');
  });

  it('rejects anything else, listing the formats there are', () => {
    assert.throws(
      () => parseOutputFormat('xml'),
      (error: unknown) =>
        error instanceof InputError &&
        error.message === "unknown output format 'xml'; expected one of table, json, ndjson, csv",
    );
  });
});

describe('json output', () => {
  it('writes an array with one compact object per line', () => {
    assert.equal(
      render(MIXED, 'json'),
      '[\n' +
        '  {"Computer":"WS01","Count":12,"TimeGenerated":"2026-12-03T12:13:57.1234567-05:00",' +
        '"Elapsed":"1.02:03:04.5000000","Data":{"ids":[1,"1152921504606846976"]},"Ok":true},\n' +
        '  {"Computer":null,"Count":"9007199254740992","TimeGenerated":null,"Elapsed":null,' +
        '"Data":null,"Ok":null}\n' +
        ']\n',
    );
  });

  it('parses back to the values shown', () => {
    const rows = JSON.parse(render(MIXED, 'json')) as Record<string, unknown>[];
    assert.equal(rows.length, 2);
    assert.equal(rows[0]?.['TimeGenerated'], '2026-12-03T12:13:57.1234567-05:00');
  });

  it('writes an empty result as []', () => {
    assert.equal(render({ columns: MIXED.columns, rows: [] }, 'json'), '[]\n');
  });

  it('keeps longs exact: numbers within ±(2^53 - 1), strings beyond', () => {
    const limit = 2n ** 53n - 1n;
    assert.equal(jsonText(limit, 'UTC'), '9007199254740991');
    assert.equal(jsonText(-limit, 'UTC'), '-9007199254740991');
    assert.equal(jsonText(limit + 1n, 'UTC'), '"9007199254740992"');
    assert.equal(jsonText(-(2n ** 63n), 'UTC'), '"-9223372036854775808"');
  });

  it('writes reals JSON cannot hold as strings', () => {
    assert.equal(
      jsonText([Number.NaN, Infinity, -Infinity, 0.5], 'UTC'),
      '["NaN","Infinity","-Infinity",0.5]',
    );
  });

  it('writes datetimes and timespans nested in dynamic values as strings', () => {
    const value = { at: INSTANT, took: [DURATION] };
    assert.equal(
      jsonText(value, 'UTC'),
      '{"at":"2026-12-03T17:13:57.1234567+00:00","took":["1.02:03:04.5000000"]}',
    );
  });

  it('keeps every column, even one named __proto__', () => {
    const result: ResultSet = { columns: [{ name: '__proto__', type: 'string' }], rows: [['x']] };
    assert.equal(render(result, 'json'), '[\n  {"__proto__":"x"}\n]\n');
  });
});

describe('ndjson output', () => {
  it('writes one object per line and nothing else', () => {
    const lines = render(MIXED, 'ndjson').split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[2], '');
    assert.deepEqual(JSON.parse(lines[1] ?? ''), {
      Computer: null,
      Count: '9007199254740992',
      TimeGenerated: null,
      Elapsed: null,
      Data: null,
      Ok: null,
    });
  });

  it('writes nothing for an empty result', () => {
    assert.equal(render({ columns: MIXED.columns, rows: [] }, 'ndjson'), '');
  });
});

describe('csv output', () => {
  it('writes a header and CRLF-ended records, quoting only where needed', () => {
    assert.equal(
      render(MIXED, 'csv'),
      'Computer,Count,TimeGenerated,Elapsed,Data,Ok\r\n' +
        'WS01,12,2026-12-03T12:13:57.1234567-05:00,1.02:03:04.5000000,' +
        '"{""ids"":[1,""1152921504606846976""]}",true\r\n' +
        ',9007199254740992,,,,\r\n',
    );
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('one\ntwo'), '"one\ntwo"');
    assert.equal(csvField('one\r\ntwo'), '"one\r\ntwo"');
    assert.equal(csvField("it's plain; really"), "it's plain; really");
  });

  it('tells an empty string from a null', () => {
    assert.equal(render(oneColumn('Name', ['', null]), 'csv'), 'Name\r\n""\r\n\r\n');
  });

  it('quotes column names that need it', () => {
    assert.equal(render(oneColumn('a,"b"', []), 'csv'), '"a,""b"""\r\n');
  });
});

describe('table output', () => {
  it('aligns columns, right-aligns numbers and shows datetimes in the zone', () => {
    const result: ResultSet = {
      columns: [
        { name: 'Computer', type: 'string' },
        { name: 'Count', type: 'long' },
        { name: 'TimeGenerated', type: 'datetime' },
      ],
      rows: [
        ['WS01', 12n, INSTANT],
        ['DC-01.corp.example', 1234, null],
      ],
    };
    assert.equal(
      render(result, 'table'),
      [
        'Computer            Count  TimeGenerated',
        '------------------  -----  ----------------------------------',
        'WS01                   12  2026-12-03 12:13:57.1234567 -05:00',
        'DC-01.corp.example   1234',
        '',
      ].join('\n'),
    );
  });

  it('writes the header and rule alone for an empty result, and nothing without columns', () => {
    assert.equal(render(oneColumn('Name', []), 'table'), 'Name\n----\n');
    assert.equal(render({ columns: [], rows: [] }, 'table'), '');
  });

  it('cuts long cells at the column limit with …', () => {
    const long = 'x'.repeat(70);
    const lines = render(oneColumn('Cmd', [long]), 'table').split('\n');
    assert.equal(lines[2], `${'x'.repeat(59)}…`);
    const narrow = render(oneColumn('Cmd', ['abcdefgh']), 'table', { maxColumnWidth: 5 });
    assert.equal(narrow, 'Cmd\n-----\nabcd…\n');
  });

  it('shrinks the widest text columns to fit the width, but never numbers', () => {
    const result: ResultSet = {
      columns: [
        { name: 'Id', type: 'long' },
        { name: 'Short', type: 'string' },
        { name: 'Long', type: 'string' },
      ],
      rows: [[123456789, 'abcdefghij', 'a'.repeat(40)]],
    };
    const text = render(result, 'table', { width: 40 });
    assert.equal(
      text,
      [
        '       Id  Short       Long',
        '---------  ----------  -----------------',
        `123456789  abcdefghij  ${'a'.repeat(16)}…`,
        '',
      ].join('\n'),
    );
    for (const line of text.split('\n')) assert.ok(displayWidth(line) <= 40, line);
  });

  it('shares the width fairly when several columns must shrink', () => {
    const result: ResultSet = {
      columns: ['A', 'B', 'C'].map((name) => ({ name, type: 'string' as const })),
      rows: [['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(5)]],
    };
    const lines = render(result, 'table', { width: 30 }).split('\n');
    assert.equal(lines[2], `${'a'.repeat(10)}…  ${'b'.repeat(9)}…  ccccc`);
    assert.equal(displayWidth(lines[2] ?? ''), 30);
  });

  it('keeps each text column at least three wide when the terminal is too narrow', () => {
    const result: ResultSet = {
      columns: ['Alpha', 'Beta'].map((name) => ({ name, type: 'string' as const })),
      rows: [['abcdef', 'ghijkl']],
    };
    assert.equal(render(result, 'table', { width: 4 }), 'Al…  Be…\n---  ---\nab…  gh…\n');
  });

  it('measures CJK and emoji as two columns wide', () => {
    const text = render(oneColumn('Host', ['日本語', 'ab', '👩‍💻x']), 'table');
    assert.equal(text, 'Host\n------\n日本語\nab\n👩‍💻x\n');
    const table = render(
      {
        columns: [
          { name: 'A', type: 'string' },
          { name: 'B', type: 'string' },
        ],
        rows: [
          ['日本', 'x'],
          ['a', 'y'],
        ],
      },
      'table',
    );
    assert.equal(table, 'A     B\n----  -\n日本  x\na     y\n');
  });

  it('shows line breaks, tabs and control characters without letting them act', () => {
    assert.equal(visibleText('one\r\ntwo\nthree\tfour'), 'one⏎two⏎three four');
    assert.equal(visibleText('\x1b[31mred\x07'), '␛[31mred␇');
    assert.equal(visibleText('invoice\u202Efdp.exe'), 'invoice\uFFFDfdp.exe');
    const text = render(oneColumn('Cmd', ['a\nb']), 'table');
    assert.equal(text, 'Cmd\n---\na⏎b\n');
  });

  it('shows booleans, timespans and dynamic values as text', () => {
    const text = render(MIXED, 'table', { tz: 'UTC' }).split('\n')[2] ?? '';
    const cells = text.split(/ {2,}/);
    assert.deepEqual(cells.slice(2), [
      '2026-12-03 17:13:57.1234567 +00:00',
      '1.02:03:04.5000000',
      '{"ids":[1,"1152921504606846976"]}',
      'true',
    ]);
  });
});

describe('text width', () => {
  it('counts combining marks as nothing and wide characters as two', () => {
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('한국'), 4);
    assert.equal(displayWidth('🇫🇷'), 2);
    assert.equal(displayWidth('❤'), 1);
    assert.equal(displayWidth('❤️'), 2);
  });

  it('never splits a wide character when cutting', () => {
    assert.equal(truncateToWidth('日本語です', 6), '日本…');
    assert.equal(truncateToWidth('日本語です', 5), '日本…');
    assert.equal(truncateToWidth('short', 5), 'short');
  });
});

describe('summaryLine', () => {
  it('counts rows in words', () => {
    assert.equal(summaryLine(MIXED), '(2 rows)');
    assert.equal(summaryLine(oneColumn('A', ['x'])), '(1 row)');
    assert.equal(summaryLine(oneColumn('A', [])), '(0 rows)');
  });
});

describe('writeResult', () => {
  it('writes to a stream exactly what renderResult returns, waiting when it is full', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => [`host-${index}`, BigInt(index)]);
    const result: ResultSet = {
      columns: [
        { name: 'Host', type: 'string' },
        { name: 'N', type: 'long' },
      ],
      rows,
    };
    const chunks: string[] = [];
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        setImmediate(done);
      },
    });

    for (const format of ['table', 'json', 'ndjson', 'csv'] as const) {
      chunks.length = 0;
      await writeResult(result, { format, tz: 'UTC' }, out);
      assert.equal(chunks.join(''), renderResult(result, { format, tz: 'UTC' }));
    }
  });
});
