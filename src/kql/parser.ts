/**
 * The KQL parser: a hand-written recursive-descent parser over the scanner's tokens. It never
 * throws on a query: what is missing becomes a placeholder node with a diagnostic, and after
 * an error it resumes at the next `|`, `;` or closing bracket, so one pass reports every error
 * and still yields a whole tree.
 */
import { type Diagnostic } from './diagnostics.js';
import { makeDiagnostic } from './diagnostics.js';
import { describe, ParseContext } from './parse-context.js';
import { parseStatement } from './parse-statements.js';
import { scanKql } from './scanner.js';
import type { Query, Statement } from './syntax.js';

/** Options of {@link parseKql}. */
export interface ParseOptions {
  /** The file the query came from; diagnostics carry it. */
  readonly file?: string;
}

/** A parsed query and everything wrong with it, in source order. */
export interface ParseResult {
  readonly tree: Query;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses a KQL query: statements separated by `;`, usually `let`s then a tabular expression.
 *
 * @example
 * const { tree, diagnostics } = parseKql('SecurityEvent | where EventID == 4688 | take 10');
 * tree.statements[0]?.kind; // 'ExpressionStatement'
 * diagnostics.length; // 0
 */
export function parseKql(text: string, options: ParseOptions = {}): ParseResult {
  const scan = scanKql(text, options.file);
  const p = new ParseContext(text, scan.tokens, options.file);
  let statements: Statement[] = [];
  try {
    statements = parseStatements(p, false);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const span = { start: p.token.start, end: p.token.end };
    p.diagnostics.push(makeDiagnostic(text, 'TooDeep', span, {}, options.file));
  }

  const tree: Query = { kind: 'Query', span: { start: 0, end: text.length }, statements };
  const scanned = new Set(scan.diagnostics.map((d) => d.span.start));
  const parsed = p.diagnostics.filter((d) => !scanned.has(d.span.start));
  const diagnostics = [...scan.diagnostics, ...parsed];
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { tree, diagnostics };
}

/**
 * Statements up to the end of the query, or up to `}` in a function body. A statement that
 * runs into the next without a `;` is reported; when the next begins on a new line it is
 * parsed as a statement of its own, so every query of a file full of them is checked.
 */
export function parseStatements(p: ParseContext, inBody: boolean): Statement[] {
  const statements: Statement[] = [];
  const atEnd = () => p.atEnd || (inBody && p.at('}'));
  while (!atEnd()) {
    const before = p.token;
    statements.push(parseStatement(p));
    if (p.eat(';') || atEnd()) continue;

    p.report('ExpectedStatementEnd', p.problemSpan(), { found: describe(p.token) });
    if (p.atNewStatement && p.token !== before) continue;
    p.skipToStatementEnd(inBody);
    if (!p.eat(';') && p.token === before) p.advance();
  }
  return statements;
}
