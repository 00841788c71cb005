import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { splitJsonValues, type SplitItem } from '../../src/ingest/readers/json-split.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

async function split(input: Readable, maxValueBytes?: number): Promise<SplitItem[]> {
  const items: SplitItem[] = [];
  for await (const item of splitJsonValues(input, { maxValueBytes })) items.push(item);
  return items;
}

/** Splits `text` delivered in chunks of `size` bytes. */
function splitText(text: string | Buffer, size = Infinity): Promise<SplitItem[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const chunks: Buffer[] = [];
  const step = Math.min(size, Math.max(bytes.length, 1));
  for (let i = 0; i < bytes.length; i += step) chunks.push(bytes.subarray(i, i + step));
  return split(Readable.from(chunks));
}

const fixture = (name: string) => split(createReadStream(`${FIXTURES}${name}`));
const values = (items: SplitItem[]) => items.filter((i) => i.kind === 'value');
const bad = (items: SplitItem[]) => items.filter((i) => i.kind === 'bad');

describe('splitJsonValues', () => {
  it('yields each element of a top-level array as one line, with its position', async () => {
    const items = await fixture('array-of-three.json');

    assert.deepEqual(
      items.map((i) => [i.kind, i.line, i.column]),
      [
        ['value', 2, 3],
        ['value', 7, 3],
        ['value', 12, 3],
      ],
    );
    for (const item of values(items)) {
      assert.ok(!item.text.includes('\n'));
      assert.equal(typeof JSON.parse(item.text).EventID, 'number');
    }
    const first = values(items)[0];
    assert.equal(JSON.parse(first?.text ?? '').CommandLine, 'cmd.exe /c "echo {not a brace}"');
  });

  it('reports a pretty-printed object cut off midway and goes on with the next', async () => {
    const items = await fixture('concatenated-broken.json');

    assert.deepEqual(
      items.map((i) => [i.kind, i.line, i.column]),
      [
        ['value', 1, 1],
        ['bad', 5, 1],
        ['value', 10, 1],
        ['value', 14, 1],
      ],
    );
    assert.match(bad(items)[0]?.message ?? '', /cut off by the next value at line 10, column 1/);
    assert.deepEqual(
      values(items).map((v) => JSON.parse(v.text).EventID),
      [4688, 4624, 4672],
    );
  });

  it('gives the same items whatever the chunk boundaries', async () => {
    const text = '[{"a":"x\\"}]","é":[1,{"b":2}]},\n {"c":"ü"}, 3, true, "s"]\n';
    const whole = await splitText(text);
    for (const size of [1, 2, 3, 7]) assert.deepEqual(await splitText(text, size), whole);
    assert.deepEqual(
      whole.map((i) => (i.kind === 'value' ? i.text : i.message)),
      ['{"a":"x\\"}]","é":[1,{"b":2}]}', '{"c":"ü"}', '3', 'true', '"s"'],
    );
    assert.deepEqual(
      whole.map((i) => [i.line, i.column]),
      [
        [1, 2],
        [2, 2],
        [2, 13],
        [2, 16],
        [2, 22],
      ],
    );
  });

  it('yields concatenated values one by one and turns their line breaks into spaces', async () => {
    const items = await splitText('{\r\n  "a": 1\r\n}\r\n\r\n{"b": [\n  2\n]}');
    assert.deepEqual(
      items.map((i) => (i.kind === 'value' ? i.text : i.message)),
      ['{    "a": 1  }', '{"b": [   2 ]}'],
    );
  });

  it('reports a closing bracket that does not match and resumes on the next line', async () => {
    const items = await splitText('{"a": [1, 2}\n{"b": 1}\n');
    assert.deepEqual(items, [
      {
        kind: 'bad',
        line: 1,
        column: 12,
        message: "expected ']' to close the '[' opened at line 1, column 7, found '}'",
      },
      { kind: 'value', line: 2, column: 1, text: '{"b": 1}' },
    ]);
  });

  it('reports stray characters between values and resumes at the next brace', async () => {
    const items = await splitText('{"a":1}, {"b":2} } {"c":3}');
    assert.deepEqual(
      items.map((i) => [i.kind, i.column]),
      [
        ['value', 1],
        ['bad', 8],
        ['value', 10],
        ['bad', 18],
        ['value', 20],
      ],
    );
    assert.match(bad(items)[0]?.message ?? '', /unexpected ',' between values/);
  });

  it('reports a string not closed on its line', async () => {
    const items = await splitText('{"a": "open\n}\n{"b": 1}');
    assert.deepEqual(items, [
      {
        kind: 'bad',
        line: 1,
        column: 7,
        message: 'the string opened at line 1, column 7 is not closed on its line',
      },
      { kind: 'value', line: 3, column: 1, text: '{"b": 1}' },
    ]);
  });

  it('reports a value cut off by the end of input, and an array left open', async () => {
    const cut = await splitText('{"a": 1}\n{"b": {"c": 2}');
    assert.equal(cut[1]?.kind, 'bad');
    assert.match(cut[1]?.kind === 'bad' ? cut[1].message : '', /end of input \(expected '}'\)/);

    const open = await splitText('[{"a": 1},\n {"b": 2}\n');
    assert.deepEqual(open.at(-1), {
      kind: 'bad',
      line: 1,
      column: 1,
      message:
        "the array opened at line 1, column 1 is not closed: expected ']' before the end of input",
    });
  });

  it('reports missing and doubled commas in the array but keeps every element', async () => {
    const items = await splitText('[{"a":1} {"b":2},,{"c":3},]');
    assert.equal(values(items).length, 3);
    assert.deepEqual(
      bad(items).map((i) => i.message),
      [
        "expected ',' or ']' after the element",
        "expected a value, found ','",
        "expected a value after ','",
      ],
    );
  });

  it('converts UTF-16 input and skips a UTF-8 byte order mark', async () => {
    const bom = Buffer.from([0xff, 0xfe]);
    const utf16 = Buffer.concat([bom, Buffer.from('[{"a":"é"}]', 'utf16le')]);
    assert.deepEqual(await splitText(utf16, 3), [
      { kind: 'value', line: 1, column: 2, text: '{"a":"é"}' },
    ]);
    assert.deepEqual(await splitText('\ufeff{"b":1}'), [
      { kind: 'value', line: 1, column: 1, text: '{"b":1}' },
    ]);
  });

  it('skips a value larger than the limit and goes on', async () => {
    const big = `{\n  "x": "${'y'.repeat(100)}"\n}\n{\n  "ok": 1\n}\n`;
    const items = await split(
      Readable.from([Buffer.from(big.slice(0, 60)), Buffer.from(big.slice(60))]),
      50,
    );
    assert.deepEqual(
      items.map((i) => i.kind),
      ['bad', 'value'],
    );
    assert.equal(values(items)[0]?.text, '{   "ok": 1 }');
  });
});
