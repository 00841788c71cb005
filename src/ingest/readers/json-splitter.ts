/**
 * The scanner behind `splitJsonValues`: a state machine over bytes that follows strings and
 * brackets, cuts values out of the input, and recovers from structural damage. Positions are
 * tracked as it goes; values are only copied when they end.
 */
import type { SplitItem } from './json-split.js';

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Bytes that may make up a number, `true`, `false` or `null` (and garbage like them). */
const BARE = new Uint8Array(256);
for (const ch of '0123456789+-.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_') {
  BARE[ch.charCodeAt(0)] = 1;
}

/** Where the scanner is: between top-level values, inside the top-level array, or elsewhere. */
type Mode = 'top' | 'array' | 'array-after' | 'value' | 'skip';

/** Where scanning may pick up again after a problem: any `{`, or one that begins a line. */
interface Resync {
  readonly lineStart: boolean;
  readonly maxColumn: number;
}

interface Position {
  readonly line: number;
  readonly column: number;
}

/** The value being scanned. */
interface OpenValue extends Position {
  /** Absolute byte offset of its first byte. */
  readonly start: number;
  readonly kind: 'container' | 'string' | 'bare';
  /** Whether only blanks precede it on its line (pretty-printers put values there). */
  readonly firstOnLine: boolean;
  /** Bytes of it held from earlier chunks. */
  readonly parts: Buffer[];
  partBytes: number;
  /** The brackets open inside it, innermost last, and where they opened. */
  readonly openBytes: number[];
  readonly openAt: Position[];
  inString: boolean;
  escaped: boolean;
  /** Offsets (from `start`) of its line breaks, all outside strings, to become spaces. */
  readonly breaks: number[];
  /** Where the open string began: its byte offset, and the continuation bytes before it. */
  stringStart: number;
  stringContinuations: number;
}

/**
 * Splits JSON text fed to it in chunks into values and problems. `push` returns what each
 * chunk completed; `end` reports what the end of input leaves open.
 */
export class JsonSplitter {
  private mode: Mode = 'top';
  private out: SplitItem[] = [];

  private base = 0;
  private line = 1;
  private lineStart = 0;
  /** UTF-8 continuation bytes seen on the current line: bytes that do not start a character. */
  private continuations = 0;
  private lineHasContent = false;

  private array: { at: Position; afterComma: boolean; damaged: boolean } | undefined;
  private value: OpenValue | undefined;
  private resync: Resync = { lineStart: false, maxColumn: Infinity };

  constructor(private readonly maxValueBytes: number) {}

  push(chunk: Buffer): SplitItem[] {
    let i = 0;
    while (i < chunk.length) {
      if (this.mode === 'value') i = this.scanValue(chunk, i);
      else if (this.mode === 'skip') i = this.scanSkip(chunk, i);
      else i = this.scanBetween(chunk, i);
    }

    if (this.value) this.keepTail(chunk);
    this.base += chunk.length;
    return this.out.splice(0);
  }

  end(): SplitItem[] {
    const value = this.value;
    if (value?.kind === 'bare') {
      this.finishValue(Buffer.alloc(0), 0);
    } else if (value) {
      if (value.inString) this.bad(this.stringAt(value), stringNotClosed(this.stringAt(value)));
      else this.bad(value, cutOff(value, 'the end of input'));
    } else if (this.array && !this.array.damaged) {
      const at = this.array.at;
      this.bad(
        at,
        `the array opened at ${where(at)} is not closed: expected ']' before the end of input`,
      );
    }
    return this.out.splice(0);
  }

  /** Between values: blanks, the top-level array's brackets and commas, or a value's start. */
  private scanBetween(chunk: Buffer, i: number): number {
    for (; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === LF) {
        this.newLine(i);
        continue;
      }
      if (b === SPACE || b === TAB || b === CR) continue;

      if (this.mode === 'top' && b === OPEN_BRACKET) {
        this.array = { at: this.position(i), afterComma: false, damaged: false };
        this.mode = 'array';
      } else if (b === CLOSE_BRACKET && this.array) {
        if (this.mode === 'array' && this.array.afterComma)
          this.bad(this.position(i), "expected a value after ','");
        this.array = undefined;
        this.mode = 'top';
      } else if (b === COMMA && this.mode === 'array-after') {
        this.mode = 'array';
        this.array!.afterComma = true;
      } else if (b === COMMA && this.mode === 'array') {
        this.bad(this.position(i), "expected a value, found ','");
      } else if (startsValue(b)) {
        if (this.mode === 'array-after')
          this.bad(this.position(i), "expected ',' or ']' after the element");
        return this.beginValue(i, b);
      } else {
        this.bad(
          this.position(i),
          `unexpected ${describe(b)} between values: expected a JSON value`,
        );
        this.startSkip({ lineStart: false, maxColumn: Infinity });
        return i;
      }
      this.lineHasContent = true;
    }
    return i;
  }

  /** Inside a value: follows strings and brackets until the value closes. */
  private scanValue(chunk: Buffer, i: number): number {
    const value = this.value!;
    if (value.kind === 'bare') return this.scanBare(chunk, i);

    const n = chunk.length;
    while (i < n) {
      if (value.inString) {
        i = this.scanString(chunk, i, value);
        if (i >= n) break;
        if (chunk[i] !== QUOTE) {
          const at = this.stringAt(value);
          return this.fail(at, stringNotClosed(at), i);
        }
        value.inString = false;
        if (value.openBytes.length === 0) return this.finishValue(chunk, i + 1);
        i++;
        continue;
      }

      const b = chunk[i] as number;
      if (b === SPACE) {
        while (++i < n && chunk[i] === SPACE);
        continue;
      }
      switch (b) {
        case LF:
          value.breaks.push(this.base + i - value.start);
          this.newLine(i);
          i++;
          continue;
        case CR:
          value.breaks.push(this.base + i - value.start);
          i++;
          continue;
        case TAB:
          i++;
          continue;
        case QUOTE:
          value.inString = true;
          value.stringStart = this.base + i;
          value.stringContinuations = this.continuations;
          break;
        case OPEN_BRACE:
          if (this.startsAnotherValue(value, i)) {
            this.bad(value, cutOff(value, `the next value at ${where(this.position(i))}`));
            return this.beginValue(i, b);
          }
          this.open(value, b, i);
          break;
        case OPEN_BRACKET:
          this.open(value, b, i);
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET: {
          const opener = value.openBytes[value.openBytes.length - 1];
          if (opener === undefined || closerOf(opener) !== b) {
            return this.fail(this.position(i), mismatch(value, b), i + 1);
          }
          value.openBytes.pop();
          value.openAt.pop();
          if (value.openBytes.length === 0) return this.finishValue(chunk, i + 1);
          break;
        }
        default:
          if ((b & 0xc0) === 0x80) this.continuations++;
      }
      this.lineHasContent = true;
      i++;
    }
    return i;
  }

  /**
   * Runs through a string's bytes to the closing quote or a line break (which a JSON string
   * cannot hold) and returns where it stopped, or the end of the chunk.
   */
  private scanString(chunk: Buffer, i: number, value: OpenValue): number {
    const n = chunk.length;
    let continuations = 0;
    if (value.escaped) {
      value.escaped = false;
      i++;
    }
    for (; i < n; i++) {
      const b = chunk[i] as number;
      if (b === QUOTE || b === LF || b === CR) break;
      if (b === BACKSLASH) {
        if (++i === n) value.escaped = true;
      } else if (b >= 0x80 && (b & 0xc0) === 0x80) {
        continuations++;
      }
    }
    this.continuations += continuations;
    return i;
  }

  private open(value: OpenValue, byte: number, i: number): void {
    value.openBytes.push(byte);
    value.openAt.push(this.position(i));
  }

  /** A number, `true`, `false` or `null`: ends at the first byte that cannot be part of it. */
  private scanBare(chunk: Buffer, i: number): number {
    while (i < chunk.length && BARE[chunk[i] as number] === 1) i++;
    return i < chunk.length ? this.finishValue(chunk, i) : i;
  }

  /** After a problem: passes over bytes until a `{` where a value can start again. */
  private scanSkip(chunk: Buffer, i: number): number {
    for (; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === LF) {
        this.newLine(i);
        continue;
      }
      if (b === SPACE || b === TAB || b === CR) continue;

      if (b === OPEN_BRACE && this.canResync(i)) {
        return this.beginValue(i, b);
      }
      if ((b & 0xc0) === 0x80) this.continuations++;
      this.lineHasContent = true;
    }
    return i;
  }

  private canResync(i: number): boolean {
    if (!this.resync.lineStart) return true;
    return !this.lineHasContent && this.column(i) <= this.resync.maxColumn;
  }

  /**
   * A `{` that begins a line at or left of the open value's own column, in a value that itself
   * began a line, starts the next value: pretty-printers indent what is nested. The open value
   * was cut off.
   */
  private startsAnotherValue(value: OpenValue, i: number): boolean {
    return value.firstOnLine && !this.lineHasContent && this.column(i) <= value.column;
  }

  /** Opens a value at its first byte `b`, and consumes that byte unless the value is bare. */
  private beginValue(i: number, b: number): number {
    const at = this.position(i);
    const kind =
      b === QUOTE ? 'string' : b === OPEN_BRACE || b === OPEN_BRACKET ? 'container' : 'bare';
    this.value = {
      line: at.line,
      column: at.column,
      start: this.base + i,
      kind,
      firstOnLine: !this.lineHasContent,
      parts: [],
      partBytes: 0,
      breaks: [],
      openBytes: kind === 'container' ? [b] : [],
      openAt: kind === 'container' ? [at] : [],
      inString: kind === 'string',
      escaped: false,
      stringStart: this.base + i,
      stringContinuations: this.continuations,
    };
    this.mode = 'value';
    this.lineHasContent = true;
    return kind === 'bare' ? i : i + 1;
  }

  /** Emits the value that ends just before `end` in `chunk`. */
  private finishValue(chunk: Buffer, end: number): number {
    const value = this.value!;
    const from = Math.max(0, value.start - this.base);
    const text = valueText(value, chunk.subarray(from, end));

    this.out.push({ kind: 'value', line: value.line, column: value.column, text });
    this.value = undefined;
    this.lineHasContent = true;
    this.mode = this.array ? 'array-after' : 'top';
    if (this.array) this.array.afterComma = false;
    return end;
  }

  /** Holds the part of the open value in `chunk` until the value ends. */
  private keepTail(chunk: Buffer): void {
    const value = this.value!;
    const tail = chunk.subarray(Math.max(0, value.start - this.base));
    value.parts.push(tail);
    value.partBytes += tail.length;
    if (value.partBytes > this.maxValueBytes) {
      this.abandon(value, `the value is larger than ${this.maxValueBytes} bytes; it is skipped`);
    }
  }

  /** Reports a broken value and skips ahead; scanning resumes at `resume`. */
  private fail(at: Position, message: string, resume: number): number {
    this.abandon(at, message);
    return resume;
  }

  /**
   * Drops the open value and skips to where the next one can start: a `{` that begins a line,
   * at or left of the dropped value's column when the dropped value began a line itself.
   */
  private abandon(at: Position, message: string): void {
    const value = this.value!;
    this.bad(at, message);
    this.value = undefined;
    this.startSkip({ lineStart: true, maxColumn: value.firstOnLine ? value.column : Infinity });
  }

  private startSkip(resync: Resync): void {
    this.mode = 'skip';
    this.resync = resync;
    if (this.array) this.array.damaged = true;
  }

  private bad(at: Position, message: string): void {
    this.out.push({ kind: 'bad', line: at.line, column: at.column, message });
  }

  private newLine(i: number): void {
    this.line++;
    this.lineStart = this.base + i + 1;
    this.continuations = 0;
    this.lineHasContent = false;
  }

  /** Where the open string began; it began on the current line, as strings cannot break. */
  private stringAt(value: OpenValue): Position {
    const column = value.stringStart - this.lineStart - value.stringContinuations + 1;
    return { line: this.line, column };
  }

  private position(i: number): Position {
    return { line: this.line, column: this.column(i) };
  }

  private column(i: number): number {
    return this.base + i - this.lineStart - this.continuations + 1;
  }
}

/** The value's bytes as text, its line breaks turned into spaces (in a copy, not the input). */
function valueText(value: OpenValue, last: Buffer): string {
  if (value.parts.length === 0 && value.breaks.length === 0) return last.toString('utf8');

  const bytes = Buffer.concat([...value.parts, last]);
  for (const offset of value.breaks) bytes[offset] = SPACE;
  return bytes.toString('utf8');
}

function startsValue(b: number): boolean {
  return b === OPEN_BRACE || b === OPEN_BRACKET || b === QUOTE || BARE[b] === 1;
}

function closerOf(opener: number): number {
  return opener === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
}

/** Says which bracket `found` fails to close. */
function mismatch(value: OpenValue, found: number): string {
  const opener = innermost(value);
  if (!opener) return `unexpected ${describe(found)}: nothing is open`;
  const want = String.fromCharCode(closerOf(opener.byte));
  const what = String.fromCharCode(opener.byte);
  const opened = `the '${what}' opened at ${where(opener.at)}`;
  return `expected '${want}' to close ${opened}, found ${describe(found)}`;
}

function innermost(value: OpenValue): { byte: number; at: Position } | undefined {
  const at = value.openAt[value.openAt.length - 1];
  const byte = value.openBytes[value.openBytes.length - 1];
  return at && byte !== undefined ? { byte, at } : undefined;
}

function cutOff(value: OpenValue, by: string): string {
  const open = innermost(value);
  const expected = open ? ` (expected '${String.fromCharCode(closerOf(open.byte))}')` : '';
  return `the value starting here is cut off by ${by}${expected}`;
}

function stringNotClosed(at: Position): string {
  return `the string opened at ${where(at)} is not closed on its line`;
}

function describe(b: number): string {
  return b >= 0x21 && b < 0x7f
    ? `'${String.fromCharCode(b)}'`
    : `byte 0x${b.toString(16).padStart(2, '0')}`;
}

function where(at: Position): string {
  return `line ${at.line}, column ${at.column}`;
}
