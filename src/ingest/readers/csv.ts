/**
 * The CSV reader. The header row names the fields; every later record becomes a row of
 * strings. Quoted fields may hold delimiters, doubled quotes and line breaks. A malformed
 * record becomes a `bad` item naming its line, and reading goes on: a quote left open is
 * noticed when its record reaches the end of the input (or grows implausibly long), and the
 * lines after the broken one are read again as records of their own.
 *
 * Records are split here rather than by a CSV library: recovering from an open quote means
 * reading lines a second time and knowing their numbers, which a streaming parser does not
 * allow once it has consumed them.
 */
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';

import type { InputSource, Reader } from '../reader.js';
import type { FieldValue, ReaderItem } from '../record.js';
import { detectCsvDelimiter, detectTextEncoding, type CsvDelimiter } from '../sniff.js';

/** Reads CSV exports (comma, tab or semicolon separated, as the header line shows). */
export const csvReader: Reader = {
  format: 'csv',
  read: (source) => readCsv(source),
};

/** A record whose quote stays open this long is taken for a quote that was never closed. */
const MAX_RECORD_LINES = 10_000;
const MAX_RECORD_CHARS = 1024 * 1024;

const QUOTE = 0x22;

interface Line {
  readonly text: string;
  readonly number: number;
}

/** One record, or why the record starting at `line` is malformed. */
type Scanned =
  | { readonly kind: 'record'; readonly line: number; readonly fields: string[] }
  | { readonly kind: 'bad'; readonly line: number; readonly message: string };

async function* readCsv(source: InputSource): AsyncGenerator<ReaderItem> {
  const lines = new LineQueue(textLines(source.open()));
  const first = await lines.peekNonEmpty();
  if (!first) return;

  const scanner = new RecordScanner(lines, detectCsvDelimiter(first.text) ?? ',');
  let header: string[] | undefined;
  for (let scanned = await scanner.next(); scanned; scanned = await scanner.next()) {
    const position = `line ${scanned.line}`;
    if (scanned.kind === 'bad') {
      yield { kind: 'bad', position, message: scanned.message };
    } else if (!header) {
      header = fieldNames(scanned.fields);
    } else if (scanned.fields.length !== header.length) {
      const found = scanned.fields.length;
      const message = `expected ${header.length} fields, as in the header, found ${found}`;
      yield { kind: 'bad', position, message };
    } else {
      yield { kind: 'row', position, row: toRow(header, scanned.fields) };
    }
  }
}

/** Splits records off a queue of lines, reading on while a quoted field spans lines. */
class RecordScanner {
  constructor(
    private readonly lines: LineQueue,
    private readonly delimiter: CsvDelimiter,
  ) {}

  async next(): Promise<Scanned | undefined> {
    const first = await this.lines.nextNonEmpty();
    if (!first) return undefined;

    const record = new PartialRecord();
    const taken = [first];
    let outcome = record.scanLine(first, this.delimiter);
    while (outcome === 'open') {
      if (record.length > MAX_RECORD_CHARS || taken.length >= MAX_RECORD_LINES) {
        return this.unclosed(record, taken, `within ${MAX_RECORD_LINES} lines or 1 MiB`);
      }
      const next = await this.lines.next();
      if (!next) return this.unclosed(record, taken, 'before the end of the input');
      taken.push(next);
      outcome = record.scanLine(next, this.delimiter);
    }

    if (outcome === 'done') return { kind: 'record', line: first.number, fields: record.fields };
    if (taken.length > 1) return this.unclosed(record, taken, `properly: ${outcome.problem}`);
    return { kind: 'bad', line: first.number, message: outcome.problem };
  }

  /**
   * A quote ran past the end of a line without closing where it should. Report the record's
   * first line and hand the others back, to be read as records again.
   */
  private unclosed(record: PartialRecord, taken: Line[], why: string): Scanned {
    this.lines.pushBack(taken.slice(1));
    const at = record.quoteAt;
    const message = `the quote opened at line ${at.line}, column ${at.column} is not closed ${why}`;
    return { kind: 'bad', line: taken[0]!.number, message };
  }
}

/** The fields of a record read so far, and whether a quoted field is still open. */
class PartialRecord {
  readonly fields: string[] = [];
  length = 0;
  quoteAt = { line: 0, column: 0 };
  private field = '';
  private inQuotes = false;

  /** Reads one line of the record: `done`, `open` (a quoted field goes on) or a problem. */
  scanLine(line: Line, delimiter: string): 'done' | 'open' | { problem: string } {
    const text = line.text;
    this.length += text.length + 1;
    let i: number;
    if (this.inQuotes) {
      this.field += '\n';
      i = this.readQuoted(text, 0);
    } else {
      i = this.readField(line, 0, delimiter);
    }

    for (;;) {
      if (i < 0) return 'open';
      if (i === text.length) break;
      if (text[i] !== delimiter) return strayAfterQuote(line, i, delimiter);
      this.endField();
      i = this.readField(line, i + 1, delimiter);
    }
    this.endField();
    return 'done';
  }

  /** Reads the field that starts at `i`; returns where it ends, or -1 while a quote is open. */
  private readField(line: Line, i: number, delimiter: string): number {
    const text = line.text;
    if (text.charCodeAt(i) === QUOTE) {
      this.inQuotes = true;
      this.quoteAt = { line: line.number, column: i + 1 };
      return this.readQuoted(text, i + 1);
    }

    const end = text.indexOf(delimiter, i);
    this.field = text.slice(i, end < 0 ? text.length : end);
    return end < 0 ? text.length : end;
  }

  /** Reads quoted text up to the closing quote; returns the index after it, or -1. */
  private readQuoted(text: string, i: number): number {
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote < 0) {
        this.field += text.slice(i);
        return -1;
      }
      this.field += text.slice(i, quote);
      if (text.charCodeAt(quote + 1) !== QUOTE) {
        this.inQuotes = false;
        return quote + 1;
      }
      this.field += '"';
      i = quote + 2;
    }
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }
}

function strayAfterQuote(line: Line, i: number, delimiter: string): { problem: string } {
  const want = delimiter === '\t' ? 'a tab' : `'${delimiter}'`;
  const found = JSON.stringify(line.text[i]);
  const where = `line ${line.number}, column ${i + 1}`;
  const problem = `expected ${want} or the end of the line after the closing quote`;
  return { problem: `${problem}, found ${found} at ${where}` };
}

/** Turns header fields into field names: trimmed, never empty, never repeated. */
function fieldNames(fields: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((raw, index) => {
    const name = raw.trim() || `column_${index + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}

function toRow(header: readonly string[], fields: readonly string[]): Record<string, FieldValue> {
  const row: Record<string, FieldValue> = {};
  for (let i = 0; i < header.length; i++) {
    const value = fields[i];
    if (value) row[header[i]!] = value;
  }
  return row;
}

/** Lines read ahead of time and lines handed back after a record proved broken. */
class LineQueue {
  private readonly pending: Line[] = [];

  constructor(private readonly source: AsyncIterator<Line>) {}

  async next(): Promise<Line | undefined> {
    const back = this.pending.pop();
    if (back) return back;
    const { value, done } = await this.source.next();
    return done ? undefined : value;
  }

  async nextNonEmpty(): Promise<Line | undefined> {
    for (let line = await this.next(); line; line = await this.next()) {
      if (line.text !== '') return line;
    }
    return undefined;
  }

  async peekNonEmpty(): Promise<Line | undefined> {
    const line = await this.nextNonEmpty();
    if (line) this.pending.push(line);
    return line;
  }

  /** Hands `lines` back, to be read again in order. */
  pushBack(lines: readonly Line[]): void {
    for (let i = lines.length - 1; i >= 0; i--) this.pending.push(lines[i]!);
  }
}

/** Decodes the input (encoding from its first bytes, byte order mark dropped) into lines. */
async function* textLines(input: Readable): AsyncGenerator<Line> {
  let decoder: TextDecoder | undefined;
  let carry = '';
  let number = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    decoder ??= new TextDecoder(detectTextEncoding(chunk)?.name ?? 'utf-8');
    const text = carry + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      yield { text: withoutCr(text.slice(start, end)), number: ++number };
      start = end + 1;
    }
    carry = text.slice(start);
  }

  const rest = carry + (decoder?.decode() ?? '');
  if (rest !== '') yield { text: withoutCr(rest), number: ++number };
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
