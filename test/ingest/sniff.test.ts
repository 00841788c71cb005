import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  detectCsvDelimiter,
  detectTextEncoding,
  sniffFormat,
  SNIFF_HEAD_BYTES,
} from '../../src/ingest/sniff.js';
import { gzipOf, tarOf, zipOf } from './archive-builders.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

const text = (s: string) => Buffer.from(s, 'utf8');
const format = (f: string) => ({ kind: 'format', format: f });
const archive = (a: string) => ({ kind: 'archive', archive: a });
const PACKETS = { kind: 'ignored', reason: 'packet capture, not an event log' };
const BINARY = { kind: 'ignored', reason: 'binary content of unknown format' };

describe('sniffFormat on binary content', () => {
  it('recognises an .evtx file by its ElfFile signature', () => {
    const head = Buffer.concat([Buffer.from('ElfFile\0', 'latin1'), Buffer.alloc(120)]);
    assert.deepEqual(sniffFormat(head, 'Security.evtx'), format('evtx'));
  });

  it('recognises gzip, zip (even empty) and tar archives by content, not by name', async () => {
    assert.deepEqual(sniffFormat(gzipOf('{}'), 'logs.bin'), archive('gzip'));
    assert.deepEqual(sniffFormat(zipOf([{ name: 'a.json', data: '{}' }]), 'x.Zip'), archive('zip'));
    assert.deepEqual(sniffFormat(zipOf([]), 'empty.zip'), archive('zip'));
    assert.deepEqual(
      sniffFormat(await tarOf([{ name: 'a.json', data: '{}' }]), 'a'),
      archive('tar'),
    );
  });

  it('ignores packet captures in both byte orders and in pcapng form', () => {
    const rest = Buffer.alloc(40, 1);
    for (const magic of [
      [0xd4, 0xc3, 0xb2, 0xa1],
      [0xa1, 0xb2, 0xc3, 0xd4],
      [0x0a, 0x0d, 0x0d, 0x0a],
    ]) {
      assert.deepEqual(sniffFormat(Buffer.concat([Buffer.from(magic), rest]), 'c.pcap'), PACKETS);
    }
  });

  it('ignores other binary content, and says when an .evtx name lacks the signature', () => {
    const noise = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    assert.deepEqual(sniffFormat(noise, 'blob.dat'), BINARY);
    const evtx = sniffFormat(noise, 'Security.evtx');
    assert.equal(evtx.kind, 'ignored');
    assert.match(evtx.kind === 'ignored' ? evtx.reason : '', /without the ElfFile signature/);
  });

  it('ignores an empty file', () => {
    assert.deepEqual(sniffFormat(Buffer.alloc(0), 'empty.json'), {
      kind: 'ignored',
      reason: 'empty file',
    });
  });
});

describe('sniffFormat on text', () => {
  it('reads UTF-16 XML with a byte order mark as XML', () => {
    const head = readFileSync(`${FIXTURES}utf16-events.xml`);
    assert.deepEqual(sniffFormat(head, 'events.xml'), format('xml'));
  });

  it('takes a leading [ for a JSON array, after a UTF-8 byte order mark and blank lines', () => {
    assert.deepEqual(sniffFormat(text('\ufeff\n\n  [{"a":1}]'), 'x.txt'), format('json'));
  });

  it('takes one complete object on the first line for NDJSON', () => {
    const head = text('{"EventID":4688,"Data":{"x":"}{"}}\r\n{"EventID":4624}\n');
    assert.deepEqual(sniffFormat(head, 'export.json'), format('ndjson'));
  });

  it('takes pretty-printed or same-line concatenated objects for JSON', () => {
    assert.deepEqual(sniffFormat(text('{\n  "EventID": 4688\n}\n'), 'x.ndjson'), format('json'));
    assert.deepEqual(sniffFormat(text('{"a":1} {"b":2}\n'), 'x.json'), format('json'));
  });

  it('takes a first line longer than the head for one NDJSON record', () => {
    const long = `{"Message":"${'x'.repeat(SNIFF_HEAD_BYTES)}"}`;
    const head = text(long).subarray(0, SNIFF_HEAD_BYTES);
    assert.deepEqual(sniffFormat(head, 'big.json'), format('ndjson'));
  });

  it('recognises CSV by a header row separated by commas, tabs or semicolons', () => {
    assert.deepEqual(sniffFormat(text('TimeCreated,EventID\n2024,4688\n'), 'x'), format('csv'));
    assert.deepEqual(sniffFormat(text('TimeCreated\tEventID\n2024\t4688\n'), 'x'), format('csv'));
    assert.deepEqual(sniffFormat(text('"Time";"Event ID"\n2024;4688\n'), 'x'), format('csv'));
  });

  it('does not take YAML whose first line holds a comma for CSV', () => {
    const yaml = text('title: Mshta, HTA Execution\nid: SDWIN-1\nplatform:\n- Windows\n');
    const sniffed = sniffFormat(yaml, 'SDWIN-1.yaml');
    assert.equal(sniffed.kind, 'ignored');
  });

  it('lets a .csv name decide for a single-column file', () => {
    assert.deepEqual(sniffFormat(text('Computer\nWS01\nWS02\n'), 'hosts.csv'), format('csv'));
    assert.equal(sniffFormat(text('Computer\nWS01\nWS02\n'), 'hosts.txt').kind, 'ignored');
  });

  it('ignores a file of blanks', () => {
    assert.deepEqual(sniffFormat(text(' \r\n\t\n'), 'x.json'), {
      kind: 'ignored',
      reason: 'only whitespace',
    });
  });
});

describe('text helpers', () => {
  it('detects encodings from byte order marks, zero bytes and invalid UTF-8', () => {
    assert.deepEqual(detectTextEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), {
      name: 'utf-8',
      bomLength: 3,
    });
    assert.equal(detectTextEncoding(Buffer.from('<a/>', 'utf16le'))?.name, 'utf-16le');
    assert.equal(detectTextEncoding(Buffer.from([0x61, 0xe9, 0x62]))?.name, 'windows-1252');
    assert.equal(detectTextEncoding(Buffer.from([0, 1, 2, 3, 0, 5, 6, 7])), undefined);
  });

  it('picks the delimiter that occurs most outside quotes', () => {
    assert.equal(detectCsvDelimiter('a;b;"c,d,e"'), ';');
    assert.equal(detectCsvDelimiter('a\tb,c\td'), '\t');
    assert.equal(detectCsvDelimiter('a,b;c'), ',');
    assert.equal(detectCsvDelimiter('single'), undefined);
  });
});
