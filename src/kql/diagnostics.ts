/**
 * Diagnostics of the KQL front end: every message the scanner and parser can report, made in
 * one place from a table of stable codes and message templates.
 */
import type { Span } from './syntax.js';
import { lineAndColumn, lineText } from './source-text.js';

/** How bad a diagnostic is: errors make a query unusable, warnings do not. */
export type Severity = 'error' | 'warning';

/** One problem found in a query, located by offsets and by 1-based line and column. */
export interface Diagnostic {
  /** A stable identifier such as `KQL1001`, the same for every occurrence of this problem. */
  readonly code: string;
  readonly severity: Severity;
  /** What was expected and what was found, e.g. "expected an expression after 'and'". */
  readonly message: string;
  /** The offending text; empty when something is missing at a position. */
  readonly span: Span;
  /** 1-based line of `span.start`. */
  readonly line: number;
  /** 1-based column of `span.start`, in UTF-16 code units. */
  readonly column: number;
  /** The whole source line `span.start` is on, for rendering. */
  readonly lineText: string;
  /** The file the query came from, when the caller named one. */
  readonly file?: string;
}

interface DiagnosticTemplate {
  readonly code: string;
  readonly severity: Severity;
  readonly template: string;
}

/**
 * Every diagnostic the front end reports. `{name}` marks a placeholder; `{context}` is either
 * empty or " after 'token'", naming the token before the problem.
 */
export const DIAGNOSTICS = {
  UnterminatedString: {
    code: 'KQL0001',
    severity: 'error',
    template: 'unterminated string literal: expected a closing {quote} before the end of the line',
  },
  UnterminatedMultilineString: {
    code: 'KQL0002',
    severity: 'error',
    template: 'unterminated multi-line string literal: expected a closing {fence}',
  },
  InvalidEscape: {
    code: 'KQL0003',
    severity: 'error',
    template: "invalid escape sequence '{escape}' in a string literal",
  },
  InvalidCharacter: {
    code: 'KQL0004',
    severity: 'error',
    template: "unexpected character '{character}'",
  },
  InvalidNumberSuffix: {
    code: 'KQL0005',
    severity: 'error',
    template: "invalid literal '{text}': '{suffix}' is not a timespan unit",
  },
  ExpectedExpression: {
    code: 'KQL1001',
    severity: 'error',
    template: 'expected {expected}{context}, found {found}',
  },
  ExpectedName: {
    code: 'KQL1002',
    severity: 'error',
    template: 'expected {expected}{context}, found {found}',
  },
  ExpectedToken: {
    code: 'KQL1003',
    severity: 'error',
    template: 'expected {expected}{context}, found {found}',
  },
  UnknownOperator: {
    code: 'KQL1004',
    severity: 'error',
    template: "unknown query operator '{name}' after '|'",
  },
  UnexpectedToken: {
    code: 'KQL1005',
    severity: 'error',
    template: 'expected {expected} after {construct}, found {found}',
  },
  ExpectedType: {
    code: 'KQL1006',
    severity: 'error',
    template: 'expected {expected}{context}, found {found}',
  },
  UnknownType: {
    code: 'KQL1007',
    severity: 'error',
    template: "unknown type '{name}': expected one of {allowed}",
  },
  InvalidParameterValue: {
    code: 'KQL1008',
    severity: 'error',
    template: "'{value}' is not a valid value for {parameter}: expected one of {allowed}",
  },
  SourceOperatorAfterPipe: {
    code: 'KQL1009',
    severity: 'error',
    template: "the {name} operator starts a query and cannot follow '|'",
  },
  ExpectedStatementEnd: {
    code: 'KQL1010',
    severity: 'error',
    template: "expected ';' between statements, found {found}",
  },
  TooDeep: {
    code: 'KQL1011',
    severity: 'error',
    template: 'the query nests too deeply to parse',
  },
} as const satisfies Record<string, DiagnosticTemplate>;

/** The name of one entry of {@link DIAGNOSTICS}. */
export type DiagnosticId = keyof typeof DIAGNOSTICS;

type Placeholders<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** The values a diagnostic's template needs, by placeholder name. */
export type DiagnosticArgs<I extends DiagnosticId> = Record<
  Placeholders<(typeof DIAGNOSTICS)[I]['template']>,
  string
>;

/**
 * Makes a diagnostic from its table entry, filling the template's placeholders.
 *
 * @example
 * makeDiagnostic(text, 'UnknownOperator', { start: 4, end: 14 }, { name: 'frobnicate' })
 */
export function makeDiagnostic<I extends DiagnosticId>(
  text: string,
  id: I,
  span: Span,
  args: DiagnosticArgs<I>,
  file?: string,
): Diagnostic {
  const entry: DiagnosticTemplate = DIAGNOSTICS[id];
  const values: Record<string, string> = args;
  const message = entry.template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  const { line, column } = lineAndColumn(text, span.start);

  const diagnostic = {
    code: entry.code,
    severity: entry.severity,
    message,
    span,
    line,
    column,
    lineText: lineText(text, span.start),
  };
  return file === undefined ? diagnostic : { ...diagnostic, file };
}

/**
 * Renders a diagnostic the way compilers do: `file:line:col: error KQL1001: message`, then the
 * source line and a caret under the offending text.
 *
 * @example
 * formatDiagnostic(d, 'hunt.kql')
 * // hunt.kql:2:17: error KQL1001: expected an expression after 'and', found '|'
 * // | where a > 1 and
 * //                 ^
 */
export function formatDiagnostic(d: Diagnostic, file: string | undefined = d.file): string {
  const where = file === undefined ? `${d.line}:${d.column}` : `${file}:${d.line}:${d.column}`;
  const header = `${where}: ${d.severity} ${d.code}: ${d.message}`;
  return `${header}\n${d.lineText}\n${caretLine(d)}`;
}

function caretLine(d: Diagnostic): string {
  const before = d.lineText.slice(0, d.column - 1);
  const padding = before.replace(/[^\t]/g, ' ');
  const room = d.lineText.length - before.length;
  const width = Math.max(1, Math.min(d.span.end - d.span.start, room));
  return `${padding}^${'~'.repeat(width - 1)}`;
}
