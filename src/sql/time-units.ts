/**
 * The periods Kusto's `datetime_add` and `datetime_diff` count in. Calendar periods (year,
 * quarter, month) vary in length; the others are fixed numbers of nanoseconds.
 */
import { InputError } from '../errors.js';

/** Periods counted on the calendar. */
export type CalendarUnit = 'year' | 'quarter' | 'month';

/** Periods of a fixed length. */
export type FixedUnit =
  'week' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond' | 'microsecond' | 'nanosecond';

export type TimeUnit = CalendarUnit | FixedUnit;

/** Months in each calendar period. */
export const UNIT_MONTHS = { year: 12, quarter: 3, month: 1 } as const satisfies Record<
  CalendarUnit,
  number
>;

const SECOND = 1_000_000_000n;

/** Nanoseconds in each fixed period. */
export const UNIT_NANOS = {
  week: 7n * 86_400n * SECOND,
  day: 86_400n * SECOND,
  hour: 3_600n * SECOND,
  minute: 60n * SECOND,
  second: SECOND,
  millisecond: 1_000_000n,
  microsecond: 1_000n,
  nanosecond: 1n,
} as const satisfies Record<FixedUnit, bigint>;

/**
 * How far weeks are shifted from 1970-01-01 (a Thursday) so that they start on Sunday, as
 * Kusto's `datetime_diff('week', ...)` counts them.
 */
export const WEEK_OFFSET_NANOS = 4n * UNIT_NANOS.day;

/** True for year, quarter and month. */
export function isCalendarUnit(unit: TimeUnit): unit is CalendarUnit {
  return unit in UNIT_MONTHS;
}

/**
 * Reads a period name as Kusto spells it, in any letter case.
 *
 * @throws InputError naming the period and the ones Kusto has.
 * @example timeUnit('Week') // 'week'
 */
export function timeUnit(text: string): TimeUnit {
  const unit = text.toLowerCase();
  if (unit in UNIT_MONTHS || unit in UNIT_NANOS) return unit as TimeUnit;
  const known = [...Object.keys(UNIT_MONTHS), ...Object.keys(UNIT_NANOS)].join(', ');
  throw new InputError(`'${text}' is not a datetime period: expected one of ${known}`);
}
