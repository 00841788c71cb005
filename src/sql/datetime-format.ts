/**
 * Kusto's `format_datetime` patterns (`yyyy-MM-dd HH:mm:ss.fffffff`), split into the pieces a
 * dialect turns into its own formatting calls. Plans carry Kusto's notation whatever the engine.
 *
 * A specifier is a run of one letter: `d`, `dd` (day), `h`, `hh` (12-hour clock), `H`, `HH`,
 * `m`, `mm` (minute), `M`, `MM` (month), `s`, `ss`, `y`, `yy`, `yyyy`, `tt` (AM or PM), `f` to
 * `fffffff` (fraction digits) and `F` to `FFFFFFF` (the same without trailing zeros, nothing
 * at all when they are all zero). Other characters stand for themselves, as do `T` and `Z`.
 */
import { NotSupportedError } from '../errors.js';

/** A date or time part of a pattern. */
export type DatetimeField =
  | 'd'
  | 'dd'
  | 'h'
  | 'hh'
  | 'H'
  | 'HH'
  | 'm'
  | 'mm'
  | 'M'
  | 'MM'
  | 's'
  | 'ss'
  | 'y'
  | 'yy'
  | 'yyyy'
  | 'tt'
  | 'f'
  | 'ff'
  | 'fff'
  | 'ffff'
  | 'fffff'
  | 'ffffff'
  | 'fffffff'
  | 'F'
  | 'FF'
  | 'FFF'
  | 'FFFF'
  | 'FFFFF'
  | 'FFFFFF'
  | 'FFFFFFF';

/**
 * A piece of a pattern. An `F` field directly after a `.` takes the point with it (`point`):
 * .NET, whose notation Kusto follows, leaves the point out when the digits are left out.
 */
export type DatetimePart =
  | { readonly kind: 'field'; readonly field: DatetimeField; readonly point?: boolean }
  | { readonly kind: 'text'; readonly text: string };

/** The longest run of each letter that is a field. */
const LONGEST: Readonly<Record<string, number>> = {
  d: 2,
  h: 2,
  H: 2,
  m: 2,
  M: 2,
  s: 2,
  y: 4,
  t: 2,
  f: 7,
  F: 7,
};

/** Letters that stand for themselves, as in ISO 8601 (`2024-01-02T03:04:05Z`). */
const LITERAL_LETTERS = new Set(['T', 'Z']);

/** True for the runs that are fields: any run up to the longest, but `yyy` and `t`. */
function isField(letter: string, length: number): boolean {
  const longest = LONGEST[letter];
  if (longest === undefined || length > longest) return false;
  return !(letter === 'y' && length === 3) && !(letter === 't' && length === 1);
}

/**
 * Splits a pattern into fields and literal text.
 *
 * @throws NotSupportedError naming a specifier Kusto does not have (`ddd`, `MMM`, `Q`).
 * @example parseDatetimeFormat('MM/dd/yyyy') // MM, '/', dd, '/', yyyy
 */
export function parseDatetimeFormat(pattern: string, engine: string): DatetimePart[] {
  const parts: DatetimePart[] = [];
  let at = 0;
  while (at < pattern.length) {
    const char = pattern[at]!;
    let end = at;
    while (pattern[end] === char) end++;

    if (/[A-Za-z]/.test(char) && !LITERAL_LETTERS.has(char)) {
      if (!isField(char, end - at)) {
        throw new NotSupportedError(
          `the format_datetime specifier '${pattern.slice(at, end)}'`,
          `on ${engine}`,
        );
      }
      addField(parts, pattern.slice(at, end) as DatetimeField);
    } else {
      addText(parts, pattern.slice(at, end));
    }
    at = end;
  }
  return parts;
}

function addField(parts: DatetimePart[], field: DatetimeField): void {
  const last = parts.at(-1);
  if (!field.startsWith('F') || last?.kind !== 'text' || !last.text.endsWith('.')) {
    parts.push({ kind: 'field', field });
    return;
  }
  if (last.text === '.') parts.pop();
  else parts[parts.length - 1] = { kind: 'text', text: last.text.slice(0, -1) };
  parts.push({ kind: 'field', field, point: true });
}

function addText(parts: DatetimePart[], text: string): void {
  const last = parts.at(-1);
  if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + text };
  else parts.push({ kind: 'text', text });
}

/** The number of fraction digits a field shows, or 0 for the other fields. */
export function fractionDigits(field: DatetimeField): number {
  return field.startsWith('f') || field.startsWith('F') ? field.length : 0;
}

/** True for the `F` fields, which drop trailing zeros. */
export function trimsZeros(field: DatetimeField): boolean {
  return field.startsWith('F');
}
