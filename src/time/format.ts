/**
 * Writing times and durations as text. Times keep the 100 ns precision Windows and Kusto count
 * in: always seven fraction digits, truncated below 100 ns, with the zone's offset at that
 * instant written out.
 */
import type { Duration, Instant } from '../engine/engine.js';
import { civilFromDays } from './calendar.js';
import { formatOffset, offsetMinutes } from './zone.js';

/** Nanoseconds in one 100 ns tick. */
const NS_PER_TICK = 100n;

/** Ticks in a second, a minute, an hour and a day. */
const TICKS_PER_SECOND = 10_000_000n;
const TICKS_PER_MINUTE = 60n * TICKS_PER_SECOND;
const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE;
const TICKS_PER_DAY = 24n * TICKS_PER_HOUR;

/** An instant as read on a clock in some zone. */
interface WallClock {
  /** `2026-12-03`; years outside 0 to 9999 in ISO's expanded form, `+012026-12-03`. */
  readonly date: string;
  /** `12:13:57.1234567`. */
  readonly time: string;
  /** `-05:00`. */
  readonly offset: string;
}

/**
 * An instant as ISO 8601 text in `zone`, with seven fraction digits and the offset in force at
 * that instant (UTC is `+00:00`, not `Z`).
 *
 * @example formatInstant(instant, 'America/New_York') // '2026-12-03T12:13:57.1234567-05:00'
 */
export function formatInstant(instant: Instant, zone: string): string {
  const clock = wallClock(instant, zone);
  return `${clock.date}T${clock.time}${clock.offset}`;
}

/**
 * An instant as people read it in a table: like `formatInstant`, with spaces before the time
 * and before the offset.
 *
 * @example
 * formatInstantDisplay(instant, 'America/New_York') // '2026-12-03 12:13:57.1234567 -05:00'
 */
export function formatInstantDisplay(instant: Instant, zone: string): string {
  const clock = wallClock(instant, zone);
  return `${clock.date} ${clock.time} ${clock.offset}`;
}

/**
 * A duration in Kusto's `timespan` form, `[-][d.]hh:mm:ss[.fffffff]`: days only when there are
 * any, and seven fraction digits only when the fraction is not zero. Below 100 ns is dropped.
 *
 * @example formatDuration(new Duration(93_784_500_000_000n)) // '1.02:03:04.5000000'
 */
export function formatDuration(duration: Duration): string {
  const negative = duration.ns < 0n;
  const ticks = (negative ? -duration.ns : duration.ns) / NS_PER_TICK;
  if (ticks === 0n) return '00:00:00';

  const days = ticks / TICKS_PER_DAY;
  const hours = (ticks % TICKS_PER_DAY) / TICKS_PER_HOUR;
  const minutes = (ticks % TICKS_PER_HOUR) / TICKS_PER_MINUTE;
  const seconds = (ticks % TICKS_PER_MINUTE) / TICKS_PER_SECOND;
  const fraction = ticks % TICKS_PER_SECOND;

  const dayPart = days > 0n ? `${days}.` : '';
  const fractionPart = fraction > 0n ? `.${pad(fraction, 7)}` : '';
  const text = `${dayPart}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${fractionPart}`;
  return negative ? `-${text}` : text;
}

/** Splits an instant into the date, time and offset a clock in `zone` shows. */
function wallClock(instant: Instant, zone: string): WallClock {
  // Floor division keeps the digits right before 1970: -1 ns is 23:59:59.9999999.
  const ticks = floorDiv(instant.epochNs, NS_PER_TICK);
  const utcSeconds = floorDiv(ticks, TICKS_PER_SECOND);
  const fraction = ticks - utcSeconds * TICKS_PER_SECOND;

  const offset = offsetMinutes(zone, Number(utcSeconds) * 1000);
  const localSeconds = Number(utcSeconds) + offset * 60;
  const days = Math.floor(localSeconds / 86_400);
  const secondOfDay = localSeconds - days * 86_400;

  const hh = pad(Math.floor(secondOfDay / 3600), 2);
  const mm = pad(Math.floor(secondOfDay / 60) % 60, 2);
  const ss = pad(secondOfDay % 60, 2);
  return {
    date: formatDate(days),
    time: `${hh}:${mm}:${ss}.${pad(fraction, 7)}`,
    offset: formatOffset(offset),
  };
}

/** A day count since 1970 as `yyyy-mm-dd`, or `±yyyyyy-mm-dd` outside years 0 to 9999. */
function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  const yearText =
    year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}`;
  return `${yearText}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Division rounding toward negative infinity. */
function floorDiv(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend % divisor !== 0n && dividend < 0n !== divisor < 0n ? quotient - 1n : quotient;
}

/** A non-negative whole number with leading zeros to `width` digits. */
function pad(value: number | bigint, width: number): string {
  return String(value).padStart(width, '0');
}
