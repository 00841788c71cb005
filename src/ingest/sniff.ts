/**
 * Format detection by content. Every input is identified from its first bytes: binary
 * signatures first (`.evtx`, archives, packet captures), then, for text, the first thing in it.
 * The name is consulted only when the content leaves two answers open.
 */
import type { InputFormat } from './reader.js';

/** How many leading bytes of an input the sniffer looks at. */
export const SNIFF_HEAD_BYTES = 64 * 1024;

/** The archive formats Quarry expands. */
export type ArchiveKind = 'zip' | 'gzip' | 'tar';

/** What an input turned out to be. */
export type SniffResult =
  | { readonly kind: 'format'; readonly format: InputFormat }
  | { readonly kind: 'archive'; readonly archive: ArchiveKind }
  | { readonly kind: 'ignored'; readonly reason: string };

/** A text encoding the readers decode, and how many bytes of byte order mark open the input. */
export interface TextEncoding {
  readonly name: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  readonly bomLength: number;
}

/** The field separators a CSV header may use. */
export type CsvDelimiter = ',' | '\t' | ';';

const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', '\t', ';'];

const PACKET_CAPTURE = 'packet capture, not an event log';

/** Binary signatures: the bytes at an offset and what they mean. */
const SIGNATURES: readonly { bytes: Buffer; offset: number; result: SniffResult }[] = [
  { bytes: Buffer.from('ElfFile\0', 'latin1'), offset: 0, result: format('evtx') },
  { bytes: Buffer.from([0x1f, 0x8b]), offset: 0, result: archive('gzip') },
  { bytes: Buffer.from('PK\x03\x04', 'latin1'), offset: 0, result: archive('zip') },
  { bytes: Buffer.from('PK\x05\x06', 'latin1'), offset: 0, result: archive('zip') },
  { bytes: Buffer.from('ustar', 'latin1'), offset: 257, result: archive('tar') },
  { bytes: Buffer.from([0xd4, 0xc3, 0xb2, 0xa1]), offset: 0, result: ignored(PACKET_CAPTURE) },
  { bytes: Buffer.from([0xa1, 0xb2, 0xc3, 0xd4]), offset: 0, result: ignored(PACKET_CAPTURE) },
  { bytes: Buffer.from([0x4d, 0x3c, 0xb2, 0xa1]), offset: 0, result: ignored(PACKET_CAPTURE) },
  { bytes: Buffer.from([0xa1, 0xb2, 0x3c, 0x4d]), offset: 0, result: ignored(PACKET_CAPTURE) },
  { bytes: Buffer.from([0x0a, 0x0d, 0x0d, 0x0a]), offset: 0, result: ignored(PACKET_CAPTURE) },
];

/**
 * Identifies an input from its first bytes (up to {@link SNIFF_HEAD_BYTES}) and its name.
 *
 * @example
 * sniffFormat(Buffer.from('{"EventID":4688}\n{"EventID":4624}\n'), 'x.json');
 * // { kind: 'format', format: 'ndjson' }
 */
export function sniffFormat(head: Buffer, name: string): SniffResult {
  if (head.length === 0) return ignored('empty file');

  const signature = SIGNATURES.find((s) => startsWithAt(head, s.bytes, s.offset));
  if (signature) return signature.result;

  const encoding = detectTextEncoding(head);
  if (!encoding) return ignored(binaryReason(name));

  const text = new TextDecoder(encoding.name).decode(head.subarray(encoding.bomLength));
  return sniffText(text, head.length < SNIFF_HEAD_BYTES, name);
}

/**
 * Tells whether `head` is text, and in which encoding: a byte order mark decides; without one,
 * UTF-16 is recognised by its zero bytes, then UTF-8 is tried, then Windows-1252. Returns
 * `undefined` for binary content.
 */
export function detectTextEncoding(head: Buffer): TextEncoding | undefined {
  const bom = byteOrderMark(head);
  if (bom) return bom;

  if (head.includes(0)) return utf16WithoutBom(head);
  if (controlCharacterShare(head) > 0.01) return undefined;
  return isUtf8(head) ? { name: 'utf-8', bomLength: 0 } : { name: 'windows-1252', bomLength: 0 };
}

/**
 * Picks the delimiter of a CSV header line: the most frequent of comma, tab and semicolon
 * outside quotes (comma wins ties). `undefined` when the line holds none of them.
 */
export function detectCsvDelimiter(line: string): CsvDelimiter | undefined {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }

  let best: CsvDelimiter | undefined;
  for (const delimiter of CSV_DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > 0 && count > (best ? (counts.get(best) ?? 0) : 0)) best = delimiter;
  }
  return best;
}

function sniffText(text: string, whole: boolean, name: string): SniffResult {
  const start = text.search(/\S/);
  if (start < 0) return ignored('only whitespace');

  switch (text[start]) {
    case '<':
      return format('xml');
    case '[':
      return format('json');
    case '{':
      return format(firstLineHoldsOneValue(text, start) ? 'ndjson' : 'json');
  }

  if (looksLikeCsv(text.slice(start), whole)) return format('csv');
  if (/\.(csv|tsv)$/i.test(name)) return format('csv');
  return ignored('text in no format Quarry reads (expected XML, JSON or CSV)');
}

/**
 * Scans the value that opens at `start` without parsing it: true when it closes on its first
 * line and nothing but blanks follows it there. A first line longer than the head counts as
 * one value too, since pretty-printed JSON breaks its first line right after the brace.
 */
function firstLineHoldsOneValue(text: string, start: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') return false;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === '{' || ch === '[') {
      depth++;
    } else if ((ch === '}' || ch === ']') && --depth === 0) {
      return /^[ \t\r]*(\n|$)/.test(text.slice(i + 1, i + 4096));
    }
  }
  return true;
}

/** How many records after the header the CSV check looks at. */
const CSV_SAMPLE_RECORDS = 10;

/**
 * A header row: two or more names split by one delimiter, none of them a sentence or a
 * comment. Of the complete records the head holds after it, the first and at least half of
 * the others have as many fields as the header.
 */
function looksLikeCsv(head: string, whole: boolean): boolean {
  const end = head.indexOf('\n');
  if (end < 0 && !whole) return false;
  const text = whole && !head.endsWith('\n') ? `${head}\n` : head;

  const delimiter = detectCsvDelimiter(text.slice(0, text.indexOf('\n')).replace(/\r$/, ''));
  const header = delimiter && splitCsvRecord(text, 0, delimiter);
  if (!delimiter || !header || !header.fields.every(isFieldName)) return false;
  if (header.fields.every((f) => f.trim() === '')) return false;

  const counts = recordLengths(text, header.end, delimiter);
  const matching = counts.filter((n) => n === header.fields.length).length;
  return (
    counts.length === 0 || (counts[0] === header.fields.length && matching * 2 >= counts.length)
  );
}

/** A header name is short: a few words at most, and not a comment line's opening. */
function isFieldName(field: string): boolean {
  const name = field.trim();
  const spaces = name.match(/\s+/g)?.length ?? 0;
  return name.length <= 128 && spaces <= 4 && !/^(#|\/\/)/.test(name);
}

/** The field counts of the complete, non-empty records from `from` on, up to a sample. */
function recordLengths(text: string, from: number, delimiter: CsvDelimiter): number[] {
  const counts: number[] = [];
  let at = from;
  while (counts.length < CSV_SAMPLE_RECORDS) {
    while (at < text.length && (text[at] === '\n' || text[at] === '\r')) at++;
    const record = at < text.length ? splitCsvRecord(text, at, delimiter) : undefined;
    if (!record) break;
    counts.push(record.fields.length);
    at = record.end;
  }
  return counts;
}

/**
 * Splits the record that starts at `from` (quotes may span lines). Returns `undefined` when
 * the record does not end within `text`.
 */
function splitCsvRecord(text: string, from: number, delimiter: CsvDelimiter) {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n') {
      fields.push(field.replace(/\r$/, ''));
      return { fields, end: i + 1 };
    } else {
      field += ch;
    }
  }
  return undefined;
}

function byteOrderMark(head: Buffer): TextEncoding | undefined {
  if (startsWithAt(head, Buffer.from([0xef, 0xbb, 0xbf]), 0)) {
    return { name: 'utf-8', bomLength: 3 };
  }
  if (startsWithAt(head, Buffer.from([0xff, 0xfe, 0, 0]), 0)) return undefined;
  if (startsWithAt(head, Buffer.from([0xff, 0xfe]), 0)) return { name: 'utf-16le', bomLength: 2 };
  if (startsWithAt(head, Buffer.from([0xfe, 0xff]), 0)) return { name: 'utf-16be', bomLength: 2 };
  return undefined;
}

/** UTF-16 text of mostly Latin characters has a zero in every other byte, and only there. */
function utf16WithoutBom(head: Buffer): TextEncoding | undefined {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return undefined;

  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }

  if (oddZeros > pairs * 0.9 && evenZeros === 0) return { name: 'utf-16le', bomLength: 0 };
  if (evenZeros > pairs * 0.9 && oddZeros === 0) return { name: 'utf-16be', bomLength: 0 };
  return undefined;
}

/** The share of C0 control bytes other than tab, line feed, form feed, carriage return, escape. */
function controlCharacterShare(head: Buffer): number {
  let controls = 0;
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) {
      if (byte !== 0x1b) controls++;
    }
  }
  return controls / head.length;
}

function isUtf8(head: Buffer): boolean {
  try {
    // Streaming mode tolerates a character cut in two at the end of the head.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function binaryReason(name: string): string {
  return /\.evtx$/i.test(name)
    ? 'binary content of unknown format (named .evtx, but without the ElfFile signature)'
    : 'binary content of unknown format';
}

function startsWithAt(head: Buffer, bytes: Buffer, offset: number): boolean {
  return (
    head.length >= offset + bytes.length &&
    head.subarray(offset, offset + bytes.length).equals(bytes)
  );
}

function format(f: InputFormat): SniffResult {
  return { kind: 'format', format: f };
}

function archive(a: ArchiveKind): SniffResult {
  return { kind: 'archive', archive: a };
}

function ignored(reason: string): SniffResult {
  return { kind: 'ignored', reason };
}
