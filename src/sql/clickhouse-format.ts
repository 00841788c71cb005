/**
 * Kusto's `format_datetime` on ClickHouse 18.16. Only the `formatDateTime` specifiers that mean
 * the same in every release are used (`%Y %m %d %H %M %S`); the other fields are built from
 * parts (`toDayOfMonth`, `toHour` ...). A `DateTime` holds whole seconds, so fraction fields
 * show zeros (`f`) or nothing (`F`).
 */
import { fractionDigits, parseDatetimeFormat, type DatetimeField } from './datetime-format.js';

/** What the formatter needs from the compiler. */
interface FormatContext {
  /** A string constant. */
  text(value: string): string;
}

/** The calendar fields `formatDateTime` writes the same way in every release. */
const SAFE_SPECIFIERS: Partial<Record<DatetimeField, string>> = {
  yyyy: '%Y',
  MM: '%m',
  dd: '%d',
  HH: '%H',
  mm: '%M',
  ss: '%S',
};

/** A number as text, zero-padded to two digits. */
const two = (value: string) => `substring(toString(${value} + 100), 2, 2)`;

/** The hour on a 12-hour clock, from 1 to 12. */
const hour12 = (x: string) => `if(toHour(${x}) % 12 = 0, 12, toHour(${x}) % 12)`;

/** The other calendar fields, built from parts. */
const PART_FIELDS: Partial<Record<DatetimeField, (x: string, c: FormatContext) => string>> = {
  d: (x) => `toString(toDayOfMonth(${x}))`,
  M: (x) => `toString(toMonth(${x}))`,
  H: (x) => `toString(toHour(${x}))`,
  m: (x) => `toString(toMinute(${x}))`,
  s: (x) => `toString(toSecond(${x}))`,
  h: (x) => `toString(${hour12(x)})`,
  hh: (x) => two(hour12(x)),
  y: (x) => `toString(toYear(${x}) % 100)`,
  yy: (x) => two(`toYear(${x}) % 100`),
  tt: (x, c) => `if(toHour(${x}) < 12, ${c.text('AM')}, ${c.text('PM')})`,
};

/** A datetime (SQL) as text, following a Kusto `format_datetime` pattern. */
export function clickhouseFormatDatetime(c: FormatContext, value: string, pattern: string): string {
  const pieces: string[] = [];
  let run = '';
  const flush = () => {
    if (run !== '') pieces.push(`formatDateTime(${value}, ${c.text(run)}, ${c.text('UTC')})`);
    run = '';
  };

  for (const part of parseDatetimeFormat(pattern, 'clickhouse')) {
    const safe = part.kind === 'field' ? SAFE_SPECIFIERS[part.field] : undefined;
    if (part.kind === 'text') {
      run += part.text.replaceAll('%', '%%');
    } else if (safe) {
      run += safe;
    } else {
      flush();
      const digits = fractionDigits(part.field);
      if (digits === 0) pieces.push(PART_FIELDS[part.field]!(value, c));
      else if (part.field.startsWith('f')) pieces.push(c.text('0'.repeat(digits)));
    }
  }
  flush();
  if (pieces.length === 0) return c.text('');
  return pieces.length === 1 ? pieces[0]! : `concat(${pieces.join(', ')})`;
}
