/**
 * The parser's cursor over the tokens: looking ahead, consuming, reporting what was expected,
 * and skipping to a point where parsing can resume after an error.
 */
import { makeDiagnostic, type Diagnostic, type DiagnosticArgs } from './diagnostics.js';
import { type DiagnosticId } from './diagnostics.js';
import { CLAUSE_WORDS } from './keywords.js';
import { hasLineBreak } from './source-text.js';
import type { Span } from './syntax.js';
import type { Token, TokenKind } from './tokens.js';

/** The diagnostics whose message reads "expected X{context}, found Y". */
export type ExpectationId =
  'ExpectedExpression' | 'ExpectedName' | 'ExpectedToken' | 'ExpectedType';

const CLOSERS: ReadonlySet<TokenKind> = new Set([')', ']', '}']);
const OPENERS: ReadonlyMap<TokenKind, TokenKind> = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
] as const);

/** Where the parser is, what it has reported, and the modes some operators switch on. */
export class ParseContext {
  readonly diagnostics: Diagnostic[] = [];
  private index = 0;
  /** `search` and `find` predicates: `column:value` and leading `*` are allowed. */
  searchSyntax = false;
  /** Lists of tables and columns: `Sec*`, `*Id` and `x*y` are name patterns. */
  namePatterns = false;

  constructor(
    readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly file: string | undefined,
  ) {}

  /** The current token. */
  get token(): Token {
    return this.peek(0);
  }

  /** The last token consumed (the first token before anything is consumed). */
  get previous(): Token {
    return this.tokens[Math.max(0, this.index - 1)] ?? this.peek(0);
  }

  /** The token `offset` places ahead; the end-of-file token past the end. */
  peek(offset = 1): Token {
    const tokens = this.tokens;
    return tokens[Math.min(this.index + offset, tokens.length - 1)] as Token;
  }

  /** True when the current token is of this kind. */
  at(kind: TokenKind): boolean {
    return this.peek(0).kind === kind;
  }

  /** True when the token `offset` ahead is the word `word`. */
  atWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'Identifier' && token.text === word;
  }

  /** True when the current token is at the end of the query. */
  get atEnd(): boolean {
    return this.at('EndOfFile');
  }

  /** Consumes and returns the current token. */
  advance(): Token {
    const token = this.peek(0);
    if (token.kind !== 'EndOfFile') this.index++;
    return token;
  }

  /** Consumes the current token when it is of this kind. */
  eat(kind: TokenKind): Token | undefined {
    return this.at(kind) ? this.advance() : undefined;
  }

  /** Consumes the current token when it is the word `word`. */
  eatWord(word: string): Token | undefined {
    return this.atWord(word) ? this.advance() : undefined;
  }

  /** Consumes a token of this kind, or reports that `expected` (e.g. "')'") was not found. */
  expect(kind: TokenKind, expected = `'${kind}'`): Token | undefined {
    const token = this.eat(kind);
    if (!token) this.expected('ExpectedToken', expected);
    return token;
  }

  /** Consumes the word `word`, or reports that it was not found. */
  expectWord(word: string): Token | undefined {
    const token = this.eatWord(word);
    if (!token) this.expected('ExpectedToken', `'${word}'`);
    return token;
  }

  /** True when `second` follows `first` with nothing, not even a space, between. */
  adjacent(first: Token, second: Token): boolean {
    return first.end === second.start;
  }

  /**
   * The hyphenated word starting at the current token, `project-away`, `granny-asc`, as text,
   * with how many tokens it spans; parts must touch. `undefined` when no word is here.
   */
  hyphenatedWord(offset = 0): { readonly text: string; readonly tokens: number } | undefined {
    let token = this.peek(offset);
    if (token.kind !== 'Identifier') return undefined;
    let text = token.text;
    let count = 1;
    for (;;) {
      const dash = this.peek(offset + count);
      const next = this.peek(offset + count + 1);
      if (dash.kind !== '-' || next.kind !== 'Identifier') break;
      if (!this.adjacent(token, dash) || !this.adjacent(dash, next)) break;
      text += `-${next.text}`;
      count += 2;
      token = next;
    }
    return { text, tokens: count };
  }

  /** Consumes `count` tokens. */
  skip(count: number): void {
    for (let i = 0; i < count; i++) this.advance();
  }

  /** The span from `start` to the end of the last consumed token. */
  spanFrom(start: number): Span {
    return { start, end: Math.max(start, this.previous.end) };
  }

  /** The span of nothing, just after the last consumed token: where a missing piece goes. */
  emptySpan(): Span {
    const at = this.index === 0 ? this.peek(0).start : this.previous.end;
    return { start: at, end: at };
  }

  /** How many diagnostics have been reported so far. */
  get errorCount(): number {
    return this.diagnostics.length;
  }

  /** Reports a diagnostic, unless one was already reported at the same place. */
  report<I extends DiagnosticId>(id: I, span: Span, args: DiagnosticArgs<I>): void {
    const last = this.diagnostics[this.diagnostics.length - 1];
    if (last && last.span.start === span.start) return;
    this.diagnostics.push(makeDiagnostic(this.text, id, span, args, this.file));
  }

  /**
   * Reports that `expected` is missing, naming the token before unless `expected` already
   * says what it comes after. The diagnostic points at the token found instead when it is on
   * the same line, and just after the previous token when the line ended first.
   */
  expected(id: ExpectationId, expected: string): void {
    const found = this.peek(0);
    const named = this.index === 0 || expected.includes(' after ');
    const context = named ? '' : ` after '${shorten(this.previous.text)}'`;
    const args = { expected, context, found: describe(found) };
    this.report(id, this.problemSpan(), args);
  }

  /**
   * True when the current token begins a new line and could begin a statement: most likely
   * the next query of a file that forgot a `;`.
   */
  get atNewStatement(): boolean {
    const token = this.peek(0);
    if (this.index === 0 || !hasLineBreak(this.text, this.previous.end, token.start)) return false;
    if (token.kind === 'Identifier') return !CLAUSE_WORDS.has(token.text);
    return token.kind === '(' || token.kind === 'String' || token.kind === 'Number';
  }

  /** Where a problem with the current token is shown; see {@link expected}. */
  problemSpan(): Span {
    const found = this.peek(0);
    if (this.index > 0 && hasLineBreak(this.text, this.previous.end, found.start)) {
      return this.emptySpan();
    }
    return { start: found.start, end: found.end };
  }

  /**
   * Skips tokens up to the next `|` or `;`, or a closing bracket that belongs to an enclosing
   * construct; brackets opened in between are skipped whole.
   */
  skipToPipeOrClose(): void {
    this.skipUntil((kind) => kind === '|' || kind === ';' || CLOSERS.has(kind));
  }

  /** Skips tokens up to the next `;` outside brackets, or a closer at this depth. */
  skipToStatementEnd(stopAtCloser: boolean): void {
    this.skipUntil((kind) => kind === ';' || (stopAtCloser && CLOSERS.has(kind)));
  }

  private skipUntil(stop: (kind: TokenKind) => boolean): void {
    const pending: TokenKind[] = [];
    while (!this.atEnd) {
      const kind = this.peek(0).kind;
      if (pending.length === 0 && stop(kind)) return;
      const closer = OPENERS.get(kind);
      if (closer) pending.push(closer);
      else if (kind === pending[pending.length - 1]) pending.pop();
      this.advance();
    }
  }
}

/** How a token is named in messages: `'text'`, or "the end of the query". */
export function describe(token: Token): string {
  if (token.kind === 'EndOfFile') return 'the end of the query';
  return `'${shorten(token.text)}'`;
}

function shorten(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line.length > 24 ? `${line.slice(0, 21)}...` : line;
}
