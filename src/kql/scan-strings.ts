/**
 * String literals in every form KQL has: quoted with backslash escapes, verbatim (`@"..."`,
 * doubled quotes, literal backslashes) and multi-line (fenced by three backticks or tildes).
 */

/** Something wrong inside a string literal, for the scanner to report. */
export interface StringProblem {
  /** `escape`: a bad escape sequence; `quote`/`fence`: the literal never closes. */
  readonly kind: 'escape' | 'quote' | 'fence';
  readonly start: number;
  readonly end: number;
  /** The bad escape, or the quote or fence that was expected. */
  readonly text: string;
}

/** A scanned string literal: where it ends, its decoded value, and its problems. */
export interface StringScan {
  readonly end: number;
  readonly value: string;
  readonly problems: readonly StringProblem[];
}

const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\'],
  ["'", "'"],
  ['"', '"'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

const HEX_ESCAPE_LENGTHS: ReadonlyMap<string, number> = new Map([
  ['x', 2],
  ['u', 4],
  ['U', 8],
]);

/** Scans the string literal starting at `pos`, or returns `undefined` when none starts there. */
export function scanString(text: string, pos: number): StringScan | undefined {
  const first = text[pos];
  if (first === '"' || first === "'") return scanQuoted(text, pos);
  if (first === '@' && (text[pos + 1] === '"' || text[pos + 1] === "'")) {
    return scanVerbatim(text, pos + 1);
  }
  if (text.startsWith('```', pos)) return scanFenced(text, pos, '```');
  if (text.startsWith('~~~', pos)) return scanFenced(text, pos, '~~~');
  return undefined;
}

function scanQuoted(text: string, open: number): StringScan {
  const quote = text[open] ?? '"';
  const problems: StringProblem[] = [];
  let value = '';
  let i = open + 1;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === quote) return { end: i + 1, value, problems };
    if (c === '\n' || c === '\r') break;
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const escape = decodeEscape(text, i);
    if (escape.valid) value += escape.value;
    else
      problems.push({ kind: 'escape', start: i, end: escape.end, text: text.slice(i, escape.end) });
    i = escape.end;
  }
  problems.push({ kind: 'quote', start: open, end: i, text: quote });
  return { end: i, value, problems };
}

interface Escape {
  readonly valid: boolean;
  readonly value: string;
  readonly end: number;
}

function decodeEscape(text: string, backslash: number): Escape {
  const letter = text[backslash + 1] ?? '';
  const simple = SIMPLE_ESCAPES.get(letter);
  if (simple !== undefined) return { valid: true, value: simple, end: backslash + 2 };

  const length = HEX_ESCAPE_LENGTHS.get(letter);
  if (length === undefined || letter === '') {
    return { valid: false, value: '', end: Math.min(backslash + 2, text.length) };
  }
  const digits = text.slice(backslash + 2, backslash + 2 + length);
  if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== length) {
    return { valid: false, value: '', end: backslash + 2 };
  }
  const code = Number.parseInt(digits, 16);
  const value = code <= 0x10ffff ? String.fromCodePoint(code) : '';
  return { valid: code <= 0x10ffff, value, end: backslash + 2 + length };
}

function scanVerbatim(text: string, open: number): StringScan {
  const quote = text[open] ?? '"';
  let value = '';
  let i = open + 1;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === quote && text[i + 1] === quote) {
      value += quote;
      i += 2;
    } else if (c === quote) {
      return { end: i + 1, value, problems: [] };
    } else if (c === '\n' || c === '\r') {
      break;
    } else {
      value += c;
      i++;
    }
  }
  return { end: i, value, problems: [{ kind: 'quote', start: open, end: i, text: quote }] };
}

function scanFenced(text: string, open: number, fence: string): StringScan {
  const close = text.indexOf(fence, open + fence.length);
  if (close < 0) {
    const problem: StringProblem = { kind: 'fence', start: open, end: text.length, text: fence };
    return { end: text.length, value: text.slice(open + fence.length), problems: [problem] };
  }
  return { end: close + fence.length, value: text.slice(open + fence.length, close), problems: [] };
}
