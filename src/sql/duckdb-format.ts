/**
 * Kusto's `format_datetime` on DuckDB: runs of calendar fields become one `strftime` call,
 * fraction digits are cut from the nanoseconds (`strftime` knows only microseconds), and the
 * pieces are joined with `||`, which keeps a null time null where `concat` would make it
 * empty.
 */
import {
  fractionDigits,
  parseDatetimeFormat,
  trimsZeros,
  type DatetimeField,
  type DatetimePart,
} from './datetime-format.js';

/** What the formatter needs from the compiler. */
interface FormatContext {
  /** A string constant. */
  text(value: string): string;
}

/** `strftime` specifiers of the calendar fields; `%-` drops the zero padding. */
const STRFTIME = {
  d: '%-d',
  dd: '%d',
  h: '%-I',
  hh: '%I',
  H: '%-H',
  HH: '%H',
  m: '%-M',
  mm: '%M',
  M: '%-m',
  MM: '%m',
  s: '%-S',
  ss: '%S',
  y: '%-y',
  yy: '%y',
  yyyy: '%Y',
  tt: '%p',
} as const satisfies Record<Exclude<DatetimeField, `f${string}` | `F${string}`>, string>;

/** A datetime (SQL) as text, following a Kusto `format_datetime` pattern. */
export function duckdbFormatDatetime(c: FormatContext, value: string, pattern: string): string {
  const pieces: string[] = [];
  let run = '';
  const flush = () => {
    if (run !== '') pieces.push(`strftime(${value}, ${c.text(run)})`);
    run = '';
  };

  for (const part of parseDatetimeFormat(pattern, 'duckdb')) {
    if (part.kind === 'text') {
      run += part.text.replaceAll('%', '%%');
    } else if (fractionDigits(part.field) > 0) {
      flush();
      pieces.push(fraction(c, value, part));
    } else {
      run += STRFTIME[part.field as keyof typeof STRFTIME];
    }
  }
  flush();
  return pieces.length === 1 ? pieces[0]! : `(${pieces.join(' || ')})`;
}

/**
 * The first digits of the second's fraction (Windows keeps seven). An `F` field drops trailing
 * zeros, and shows nothing (not even its point) when all are zero.
 */
function fraction(c: FormatContext, value: string, part: DatetimePart & { kind: 'field' }): string {
  const digits = fractionDigits(part.field);
  const nanos = `((epoch_ns(${value}) % 1000000000 + 1000000000) % 1000000000)`;
  const shown = `CAST(${nanos} // ${10 ** (9 - digits)} AS VARCHAR)`;
  const text = `lpad(${shown}, ${digits}, ${c.text('0')})`;
  if (!trimsZeros(part.field)) return text;

  const trimmed = `rtrim(${text}, ${c.text('0')})`;
  const pointed = part.point ? `${c.text('.')} || ${trimmed}` : trimmed;
  return `CASE WHEN ${trimmed} = ${c.text('')} THEN ${c.text('')} ELSE ${pointed} END`;
}
