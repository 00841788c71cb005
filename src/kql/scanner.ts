/**
 * The KQL scanner: turns query text into tokens, dropping whitespace and `//` comments. It never
 * throws; what it cannot make sense of becomes a diagnostic and scanning goes on.
 */
import { type Diagnostic, type DiagnosticArgs, type DiagnosticId } from './diagnostics.js';
import { makeDiagnostic } from './diagnostics.js';
import { scanString, type StringScan } from './scan-strings.js';
import { isLineBreak } from './source-text.js';
import { PUNCTUATION, RAW_LITERAL_TYPES, TIMESPAN_UNITS } from './tokens.js';
import type { Token, TokenKind } from './tokens.js';

/** The tokens of a query, ending with one `EndOfFile` token, and what went wrong. */
export interface ScanResult {
  readonly tokens: Token[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Scans a whole query.
 *
 * @example
 * scanKql('T | where x == @"C:\\"').tokens.map((t) => t.kind)
 * // ['Identifier', '|', 'Identifier', 'Identifier', '==', 'String', 'EndOfFile']
 */
export function scanKql(text: string, file?: string): ScanResult {
  const scanner = new Scanner(text, file);
  scanner.run();
  return { tokens: scanner.tokens, diagnostics: scanner.diagnostics };
}

const OTHER_LETTER = /[\p{L}\p{N}_]/u;
const EXTRA_SPACE = /[\s\u200b\ufeff]/u;

/** True for the characters a word may contain. */
export function isWordPart(code: number): boolean {
  if (code < 128) {
    return (
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      code === 95
    );
  }
  return OTHER_LETTER.test(String.fromCharCode(code));
}

function isWordStart(code: number): boolean {
  return isWordPart(code) && !isDigit(code);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && EXTRA_SPACE.test(String.fromCharCode(code));
}

class Scanner {
  readonly tokens: Token[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
  ) {}

  run(): void {
    for (;;) {
      this.skipTrivia();
      if (this.pos >= this.text.length) break;
      this.scanToken();
    }
    this.push('EndOfFile', this.pos, this.pos);
  }

  private skipTrivia(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (isSpace(code)) {
        this.pos++;
      } else if (code === 47 && text.charCodeAt(this.pos + 1) === 47) {
        while (this.pos < text.length && !isLineBreak(text.charCodeAt(this.pos))) this.pos++;
      } else {
        return;
      }
    }
  }

  private scanToken(): void {
    const code = this.text.charCodeAt(this.pos);
    if (isWordStart(code)) return this.scanWord();
    if (code === 36 && isWordStart(this.text.charCodeAt(this.pos + 1))) return this.scanWord();
    if (isDigit(code)) return this.scanNumber();

    const string = scanString(this.text, this.pos);
    if (string) return this.pushString(this.pos, string);

    const punctuation = this.punctuationAt(this.pos);
    if (punctuation) {
      this.push(punctuation, this.pos, this.pos + punctuation.length);
      this.pos += punctuation.length;
      return;
    }

    const character = String.fromCodePoint(this.text.codePointAt(this.pos) ?? code);
    this.report('InvalidCharacter', this.pos, this.pos + character.length, { character });
    this.push('Bad', this.pos, this.pos + character.length);
    this.pos += character.length;
  }

  private scanWord(): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length && isWordPart(this.text.charCodeAt(this.pos))) this.pos++;
    const word = this.text.slice(start, this.pos);

    if (word === 'h' || word === 'H') {
      const string = scanString(this.text, this.pos);
      if (string) return this.pushString(start, string);
    }
    this.push('Identifier', start, this.pos);
    if (RAW_LITERAL_TYPES.has(word) && this.text.charCodeAt(this.pos) === 40) this.scanRawLiteral();
  }

  /** After `datetime` and kin: the `(`, then everything up to `)` or the line's end as raw. */
  private scanRawLiteral(): void {
    this.push('(', this.pos, this.pos + 1);
    const start = ++this.pos;
    const text = this.text;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (code === 41 || isLineBreak(code)) break;
      this.pos++;
    }
    this.push('RawText', start, this.pos);
  }

  /** A number or timespan; digits followed by other letters make a word: `5Minutebin`. */
  private scanNumber(): void {
    const start = this.pos;
    const text = this.text;
    let hex = false;
    if (text.charCodeAt(start) === 48 && (text[start + 1] === 'x' || text[start + 1] === 'X')) {
      if (isHexDigit(text.charCodeAt(start + 2))) {
        hex = true;
        this.pos += 2;
        while (isHexDigit(text.charCodeAt(this.pos))) this.pos++;
      }
    }
    if (!hex) this.scanDecimal();

    const numberEnd = this.pos;
    while (this.pos < text.length && isWordPart(text.charCodeAt(this.pos))) this.pos++;
    const suffix = text.slice(numberEnd, this.pos);
    if (suffix === '' || suffix === 'l' || suffix === 'L') {
      this.push('Number', start, this.pos);
    } else if (!hex && TIMESPAN_UNITS.has(suffix.toLowerCase())) {
      this.push('Timespan', start, this.pos);
    } else if (/^[0-9]+$/.test(text.slice(start, numberEnd))) {
      this.push('Identifier', start, this.pos);
    } else {
      this.report('InvalidNumberSuffix', start, this.pos, {
        text: text.slice(start, this.pos),
        suffix,
      });
      this.push('Number', start, this.pos);
    }
  }

  private scanDecimal(): void {
    const text = this.text;
    while (isDigit(text.charCodeAt(this.pos))) this.pos++;
    if (text.charCodeAt(this.pos) === 46 && text.charCodeAt(this.pos + 1) !== 46) {
      this.pos++;
      while (isDigit(text.charCodeAt(this.pos))) this.pos++;
    }
    const e = text.charCodeAt(this.pos);
    if (e !== 101 && e !== 69) return;
    const sign = text.charCodeAt(this.pos + 1);
    const signed = sign === 43 || sign === 45;
    if (!isDigit(text.charCodeAt(this.pos + (signed ? 2 : 1)))) return;
    this.pos += signed ? 2 : 1;
    while (isDigit(text.charCodeAt(this.pos))) this.pos++;
  }

  private pushString(start: number, string: StringScan): void {
    for (const problem of string.problems) {
      if (problem.kind === 'escape') {
        this.report('InvalidEscape', problem.start, problem.end, { escape: problem.text });
      } else if (problem.kind === 'fence') {
        this.report('UnterminatedMultilineString', start, string.end, { fence: problem.text });
      } else {
        this.report('UnterminatedString', start, string.end, { quote: problem.text });
      }
    }
    this.tokens.push({
      kind: 'String',
      start,
      end: string.end,
      text: this.text.slice(start, string.end),
      value: string.value,
    });
    this.pos = string.end;
  }

  private punctuationAt(pos: number): TokenKind | undefined {
    const text = this.text;
    return PUNCTUATION.find((p) => text.startsWith(p, pos));
  }

  private push(kind: TokenKind, start: number, end: number): void {
    const text = this.text.slice(start, end);
    this.tokens.push({ kind, start, end, text, value: text });
  }

  private report<I extends DiagnosticId>(
    id: I,
    start: number,
    end: number,
    args: DiagnosticArgs<I>,
  ): void {
    this.diagnostics.push(makeDiagnostic(this.text, id, { start, end }, args, this.file));
  }
}
