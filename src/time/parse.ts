/**
 * Reading times written as ISO 8601 text: the global `--now` flag, and timestamps found in
 * data, with or without an offset.
 */
import { InputError } from '../errors.js';
import { Instant } from '../engine/engine.js';
import { DAY_MS, daysFromCivil, daysInMonth } from './calendar.js';
import { localToEpochMs, parseOffset } from './zone.js';

/** `2026-12-03`. */
const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;

/** `12:13`, `12:13:57`, `12:13:57.1234567` (or with a comma). */
const TIME = String.raw`(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?`;

/** `Z`, `-05:00`, `-0500`, `-05`. */
const OFFSET = String.raw`[Zz]|[+-]\d{2}(?::?\d{2})?`;

/** A date, then optionally a time after `T` or a space, then optionally an offset. */
const TIMESTAMP_PATTERN = new RegExp(`^${DATE}(?:[Tt ]${TIME}(?: ?(${OFFSET}))?)?$`);

/** How `--now` should look, for error messages. */
const NOW_EXPECTED =
  "an ISO 8601 time with an offset, such as '2026-12-03T12:13:57Z' or " +
  "'2026-12-03T12:13:57.1234567-05:00'";

/** The fields of a timestamp as written, checked for range. */
interface TimestampFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly hasTime: boolean;
  /** The fraction of the second as written, without the point; `''` when there is none. */
  readonly fraction: string;
  /** Minutes east of UTC; `undefined` when the text has no offset. */
  readonly offset: number | undefined;
}

/** The outcome of reading a timestamp: its fields, or why it is not one. */
type TimestampScan =
  | { readonly kind: 'ok'; readonly fields: TimestampFields }
  | { readonly kind: 'bad'; readonly reason: string };

/**
 * The instant the global `--now` flag names, or the current time when the flag is absent.
 * The text must have an offset (`Z` for UTC) and at most seven fraction digits (100 ns).
 *
 * @param clock the source of the current time, in milliseconds since 1970 UTC.
 * @throws InputError saying what is wrong with the text and what was expected.
 * @example parseNow('2026-12-03T12:13:57.1234567-05:00')
 */
export function parseNow(option?: string, clock: () => number = Date.now): Instant {
  if (option === undefined) return Instant.fromMillis(clock());

  const scan = scanTimestamp(option.trim());
  if (scan.kind === 'bad') {
    throw new InputError(`--now: '${option}' ${scan.reason}; expected ${NOW_EXPECTED}`);
  }

  const { fields } = scan;
  if (!fields.hasTime || fields.offset === undefined) {
    const missing = fields.hasTime ? 'offset' : 'time of day or offset';
    throw new InputError(`--now: '${option}' has no ${missing}; expected ${NOW_EXPECTED}`);
  }
  if (fields.fraction.length > 7) {
    throw new InputError(
      `--now: '${option}' has ${fields.fraction.length} fraction digits; ` +
        'at most 7 are allowed (100 ns)',
    );
  }
  return toInstant(fields, 'UTC');
}

/**
 * Reads an ISO 8601-like timestamp: a date, optionally a time after `T` or a space, optionally
 * an offset (`Z`, `+05:30`, `+0530`, `+05`). Text without an offset is a wall-clock time in
 * `zone` (see `localToEpochMs` for daylight saving gaps and overlaps); a date alone is its
 * midnight. Up to nine fraction digits are read, and kept to 100 ns.
 *
 * @returns the instant, or `undefined` when the text is not such a timestamp or names a date
 *   or time that does not exist (a 30 February, a 24th hour).
 * @example parseInstant('2026-03-08 02:30', 'America/New_York') // 2026-03-08T07:30:00Z
 */
export function parseInstant(text: string, zone: string): Instant | undefined {
  const scan = scanTimestamp(text.trim());
  if (scan.kind === 'bad' || scan.fields.fraction.length > 9) return undefined;
  return toInstant(scan.fields, zone);
}

/** Reads the fields of a timestamp and checks each is in range. */
function scanTimestamp(text: string): TimestampScan {
  const match = TIMESTAMP_PATTERN.exec(text);
  if (!match) return { kind: 'bad', reason: 'is not an ISO 8601 time' };

  const numbers = match.slice(1, 7).map((digits) => Number(digits ?? 0));
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = numbers;
  const fields: TimestampFields = {
    year,
    month,
    day,
    hour,
    minute,
    second,
    hasTime: match[4] !== undefined,
    fraction: match[7] ?? '',
    offset: match[8] === undefined ? undefined : readOffset(match[8]),
  };

  const problem = rangeProblem(fields, match[8]);
  return problem ? { kind: 'bad', reason: problem } : { kind: 'ok', fields };
}

/** Minutes east of UTC for `Z` or a numeric offset; NaN when out of range. */
function readOffset(text: string): number {
  return text === 'Z' || text === 'z' ? 0 : (parseOffset(text) ?? Number.NaN);
}

/** What is out of range in `fields`, or `undefined` when every field is in range. */
function rangeProblem(fields: TimestampFields, offsetText: string | undefined): string | undefined {
  if (fields.month < 1 || fields.month > 12) return `has month ${fields.month}`;
  if (fields.day < 1 || fields.day > daysInMonth(fields.year, fields.month)) {
    return `has day ${fields.day}, which ${fields.year}-${pad2(fields.month)} does not have`;
  }
  if (fields.hour > 23) return `has hour ${fields.hour}`;
  if (fields.minute > 59) return `has minute ${fields.minute}`;
  if (fields.second > 59) return `has second ${fields.second}`;
  if (Number.isNaN(fields.offset)) return `has offset '${offsetText}'`;
  return undefined;
}

/** The instant `fields` name, reading them in `zone` when they carry no offset. */
function toInstant(fields: TimestampFields, zone: string): Instant {
  const { year, month, day, hour, minute, second, offset } = fields;
  const wholeMs =
    offset === undefined
      ? localToEpochMs(zone, year, month, day, hour, minute, second, 0)
      : daysFromCivil(year, month, day) * DAY_MS +
        ((hour * 60 + minute) * 60 + second - offset * 60) * 1000;

  // Seven digits are 100 ns ticks; digits beyond are dropped, short fractions padded.
  const ticks = BigInt(fields.fraction.slice(0, 7).padEnd(7, '0'));
  return new Instant(BigInt(wholeMs) * 1_000_000n + ticks * 100n);
}

/** A month or day with a leading zero. */
function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
