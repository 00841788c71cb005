/**
 * Kusto's `format_datetime` patterns (`yyyy-MM-dd HH:mm:ss.fffffff`), split into the pieces a
 * dialect turns into its own formatting calls. Plans carry Kusto's notation whatever the engine.
 */
import { NotSupportedError } from '../errors.js';

/** A date or time part of a pattern. */
export type DatetimeField =
  | 'yyyy'
  | 'MM'
  | 'dd'
  | 'HH'
  | 'hh'
  | 'mm'
  | 'ss'
  | 'tt'
  | 'f'
  | 'ff'
  | 'fff'
  | 'ffff'
  | 'fffff'
  | 'ffffff'
  | 'fffffff';

export type DatetimePart =
  | { readonly kind: 'field'; readonly field: DatetimeField }
  | { readonly kind: 'text'; readonly text: string };

/** Longest first, so `fffffff` is not read as seven `f`. */
const FIELDS: readonly DatetimeField[] = [
  'fffffff',
  'ffffff',
  'fffff',
  'ffff',
  'yyyy',
  'fff',
  'MM',
  'dd',
  'HH',
  'hh',
  'mm',
  'ss',
  'tt',
  'ff',
  'f',
];

/** Letters that stand for themselves, as in ISO 8601 (`2024-01-02T03:04:05Z`). */
const LITERAL_LETTERS = new Set(['T', 'Z']);

/**
 * Splits a pattern into fields and literal text.
 *
 * @example parseDatetimeFormat('MM/dd/yyyy') // MM, '/', dd, '/', yyyy
 */
export function parseDatetimeFormat(pattern: string, engine: string): DatetimePart[] {
  const parts: DatetimePart[] = [];
  let at = 0;
  while (at < pattern.length) {
    const field = FIELDS.find((f) => pattern.startsWith(f, at));
    if (field) {
      parts.push({ kind: 'field', field });
      at += field.length;
      continue;
    }

    const char = pattern[at]!;
    if (/[A-Za-z]/.test(char) && !LITERAL_LETTERS.has(char)) {
      throw new NotSupportedError(`the format_datetime specifier '${char}'`, `on ${engine}`);
    }
    const last = parts.at(-1);
    if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + char };
    else parts.push({ kind: 'text', text: char });
    at += 1;
  }
  return parts;
}

/** The number of fraction digits a field shows, or 0 for the other fields. */
export function fractionDigits(field: DatetimeField): number {
  return field.startsWith('f') ? field.length : 0;
}
