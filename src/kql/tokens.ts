/**
 * The tokens of KQL. Words are all `Identifier`s: KQL's keywords are context-sensitive, so the
 * parser decides what a word means where it stands.
 */

/** Operators and punctuation, each its own token kind, spelled as in the source. */
export type PunctuationKind =
  | '|'
  | '('
  | ')'
  | '['
  | ']'
  | '{'
  | '}'
  | ','
  | ';'
  | ':'
  | '.'
  | '..'
  | '='
  | '=='
  | '!='
  | '<>'
  | '=~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=>'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '!'
  | '~'
  | '?';

/** What a token is. */
export type TokenKind =
  /** A word, `$left`/`$right`, or any name not in brackets. */
  | 'Identifier'
  /** A string literal in any form; `value` holds its decoded text. */
  | 'String'
  /** An integer (decimal or hex, optional `L` suffix) or real literal. */
  | 'Number'
  /** A number with a time unit: `1d`, `1.5h`, `100ms`, `1tick`. */
  | 'Timespan'
  /** The raw contents of `datetime(...)`, `timespan(...)`, `guid(...)` and kin. */
  | 'RawText'
  /** A character that starts no token. */
  | 'Bad'
  | 'EndOfFile'
  | PunctuationKind;

/** One token: its kind, where it is, and its text. */
export interface Token {
  readonly kind: TokenKind;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** The source text of the token. */
  readonly text: string;
  /** For strings the decoded value; for every other token its text. */
  readonly value: string;
}

/** Punctuation by length, longest first, as the scanner tries them. */
export const PUNCTUATION: readonly PunctuationKind[] = [
  '..',
  '==',
  '!=',
  '<>',
  '=~',
  '!~',
  '<=',
  '>=',
  '=>',
  '|',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ';',
  ':',
  '.',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '~',
  '?',
];

/** The words that take raw text in parentheses: `datetime(2024-01-01 10:00)`. */
export const RAW_LITERAL_TYPES: ReadonlySet<string> = new Set([
  'datetime',
  'date',
  'time',
  'timespan',
  'guid',
]);

/** Time units after a number (any case), with their length in ticks of 100 nanoseconds. */
export const TIMESPAN_UNITS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    d: 864e9,
    day: 864e9,
    days: 864e9,
    h: 36e9,
    hr: 36e9,
    hrs: 36e9,
    hour: 36e9,
    hours: 36e9,
    m: 6e8,
    min: 6e8,
    minute: 6e8,
    minutes: 6e8,
    s: 1e7,
    sec: 1e7,
    second: 1e7,
    seconds: 1e7,
    ms: 1e4,
    milli: 1e4,
    millis: 1e4,
    millisec: 1e4,
    millisecond: 1e4,
    milliseconds: 1e4,
    microsec: 10,
    microsecond: 10,
    microseconds: 10,
    nanosec: 0.01,
    nanosecond: 0.01,
    nanoseconds: 0.01,
    tick: 1,
    ticks: 1,
  }),
);
