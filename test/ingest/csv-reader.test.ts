import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { InputSource } from '../../src/ingest/reader.js';
import { csvReader } from '../../src/ingest/readers/csv.js';
import type { ReaderItem } from '../../src/ingest/record.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

async function read(source: InputSource): Promise<ReaderItem[]> {
  const items: ReaderItem[] = [];
  for await (const item of csvReader.read(source, { inputTz: 'UTC' })) items.push(item);
  return items;
}

const fixture = (name: string) =>
  read({ name, open: () => createReadStream(`${FIXTURES}${name}`) });

/** Reads `text` delivered in chunks of `size` bytes. */
function readText(text: string | Buffer, size = Infinity): Promise<ReaderItem[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const chunks: Buffer[] = [];
  const step = Math.min(size, Math.max(bytes.length, 1));
  for (let i = 0; i < bytes.length; i += step) chunks.push(bytes.subarray(i, i + step));
  return read({ name: 'inline.csv', open: () => Readable.from(chunks) });
}

describe('csvReader', () => {
  it('reads quoted fields that hold line breaks, delimiters and doubled quotes', async () => {
    assert.deepEqual(await fixture('quoted-newlines.csv'), [
      {
        kind: 'row',
        position: 'line 2',
        row: {
          TimeCreated: '2024-03-01T10:00:00Z',
          EventID: '4688',
          Computer: 'WS01',
          CommandLine: 'powershell.exe -enc\nAAAA, BBBB',
        },
      },
      {
        kind: 'row',
        position: 'line 4',
        row: {
          TimeCreated: '2024-03-01T10:00:05Z',
          EventID: '4688',
          Computer: 'WS01',
          CommandLine: 'cmd.exe /c "dir"',
        },
      },
      {
        kind: 'row',
        position: 'line 6',
        row: { TimeCreated: '2024-03-01T10:00:09Z', EventID: '4624', Computer: 'WS02' },
      },
    ]);
  });

  it('reports three malformed rows with their lines and reads every good one', async () => {
    const items = await fixture('three-bad-rows.csv');

    assert.deepEqual(items, [
      {
        kind: 'row',
        position: 'line 2',
        row: { EventID: '4624', Computer: 'WS01', TargetUserName: 'alice' },
      },
      { kind: 'bad', position: 'line 3', message: 'expected 3 fields, as in the header, found 2' },
      { kind: 'bad', position: 'line 4', message: 'expected 3 fields, as in the header, found 4' },
      {
        kind: 'bad',
        position: 'line 5',
        message: 'the quote opened at line 5, column 6 is not closed before the end of the input',
      },
      {
        kind: 'row',
        position: 'line 6',
        row: { EventID: '4688', Computer: 'WS04', TargetUserName: 'dave' },
      },
      {
        kind: 'row',
        position: 'line 7',
        row: { EventID: '4720', Computer: 'WS05', TargetUserName: 'frank' },
      },
    ]);
  });

  it('reports text after a closing quote and rereads lines an open quote ran over', async () => {
    const items = await readText('a,b,c\n1,"x"y,2\n3,"open,4\n5,6,7\n8,"z"w,9\n10,11,12\n');

    assert.deepEqual(
      items.map((i) => [i.kind, i.position]),
      [
        ['bad', 'line 2'],
        ['bad', 'line 3'],
        ['row', 'line 4'],
        ['bad', 'line 5'],
        ['row', 'line 6'],
      ],
    );
    const messages = items.flatMap((i) => (i.kind === 'bad' ? [i.message] : []));
    assert.equal(
      messages[0],
      `expected ',' or the end of the line after the closing quote, found "y" at line 2, column 6`,
    );
    assert.match(messages[1] ?? '', /^the quote opened at line 3, column 3 is not closed properly/);
  });

  it('detects tab and semicolon delimiters from the header', async () => {
    assert.deepEqual(await readText('a\tb\n"x\ty"\tz\n'), [
      { kind: 'row', position: 'line 2', row: { a: 'x\ty', b: 'z' } },
    ]);
    assert.deepEqual(await readText('a;b\n1;2'), [
      { kind: 'row', position: 'line 2', row: { a: '1', b: '2' } },
    ]);
  });

  it('drops a byte order mark, reads UTF-16, and gives the same rows in any chunking', async () => {
    const text = 'Name,Value\r\nzoë,"a\r\nb"\r\n';
    const expected = [{ kind: 'row', position: 'line 2', row: { Name: 'zoë', Value: 'a\nb' } }];
    assert.deepEqual(await readText(`\ufeff${text}`, 1), expected);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(await readText(utf16, 3), expected);
  });

  it('names empty and repeated header fields so no value is lost', async () => {
    assert.deepEqual(await readText('Name,,Name\n1,2,3\n'), [
      { kind: 'row', position: 'line 2', row: { Name: '1', column_2: '2', Name_2: '3' } },
    ]);
  });

  it('yields nothing for an empty input or a header alone', async () => {
    assert.deepEqual(await readText(''), []);
    assert.deepEqual(await readText('a,b\r\n'), []);
  });
});
