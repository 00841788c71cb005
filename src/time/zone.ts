/**
 * Time zones: which zone a command shows times in, a zone's UTC offset at an instant, and the
 * instant a wall-clock time read in a zone stands for.
 *
 * A zone, as `resolveTimeZone` returns it, is one of three spellings: `UTC`; an IANA name such
 * as `America/New_York`; or a fixed offset such as `+05:30` or `-04:00`. Offsets that are not
 * whole hours have no IANA name, so fixed offsets keep this form. Every function here accepts
 * all three; hand zones to these functions rather than to `Intl` directly.
 */
import { InputError, InternalError } from '../errors.js';
import { DAY_MS, daysFromCivil } from './calendar.js';

/** What a zone should look like, for error messages. */
const ZONE_EXPECTED =
  "an IANA time zone such as 'America/New_York', 'UTC', or a fixed offset such as '+05:30'";

/** Names that mean UTC, lower-cased. */
const UTC_NAMES = new Set(['utc', 'z', 'gmt', 'etc/utc', 'etc/gmt', 'zulu']);

/** `+05:30`, `-0400` or `+05`: a sign, two-digit hours, and optional minutes. */
const OFFSET_PATTERN = /^([+-])(\d{2})(?::?(\d{2}))?$/;

/** What `Intl` writes for an offset with `timeZoneName: 'longOffset'`: `GMT-04:56:02`. */
const INTL_OFFSET_PATTERN = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The span of one offset cache entry; no zone changes its offset twice within it. */
const BUCKET_MS = 15 * 60_000;

/** Cache entries kept per zone before the cache starts over. */
const MAX_CACHED_BUCKETS = 8192;

/** The instants `Date` and `Intl` accept, in milliseconds either side of 1970. */
const MAX_DATE_MS = 8.64e15;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
let supportedNames: Map<string, string> | undefined;

/**
 * The zone a command shows times in: `option` (the `--tz` flag) when given, else the
 * `QUARRY_TZ` environment variable when set and not blank, else the machine's own zone.
 *
 * @returns the zone in its canonical spelling (see the module comment).
 * @throws InputError naming the bad value, where it came from, and what was expected.
 * @example resolveTimeZone('america/new_york') // 'America/New_York'
 */
export function resolveTimeZone(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined) return checkedZone(option, '--tz');

  const fromEnv = env['QUARRY_TZ'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return checkedZone(fromEnv, 'QUARRY_TZ');

  const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (machine && normalizeTimeZone(machine)) || 'UTC';
}

/**
 * A zone in its canonical spelling, or `undefined` when `text` names no zone. Accepts IANA
 * names in any letter case, `UTC` (also `Z`, `GMT`, `Etc/UTC`), and fixed offsets written
 * `+05:30`, `+0530`, `+05` or `UTC+05:30`; a zero offset becomes `UTC`.
 *
 * A `GMT+5` prefix is not read as an offset: in IANA's `Etc/GMT+5` the sign is reversed.
 */
export function normalizeTimeZone(text: string): string | undefined {
  const trimmed = text.trim();
  if (UTC_NAMES.has(trimmed.toLowerCase())) return 'UTC';

  const offset = parseOffset(trimmed.replace(/^utc(?=[+-])/i, ''));
  if (offset !== undefined) return offset === 0 ? 'UTC' : formatOffset(offset);

  return ianaName(trimmed);
}

/**
 * Reads a fixed offset written `+05:30`, `-0400` or `+05` as minutes east of UTC, or returns
 * `undefined`. Hours run to 23 and minutes to 59.
 */
export function parseOffset(text: string): number | undefined {
  const match = OFFSET_PATTERN.exec(text);
  if (!match) return undefined;

  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Writes minutes east of UTC as `+hh:mm`; zero is `+00:00`.
 *
 * @example formatOffset(-300) // '-05:00'
 */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  const hours = String(Math.floor(magnitude / 60)).padStart(2, '0');
  return `${sign}${hours}:${String(magnitude % 60).padStart(2, '0')}`;
}

/**
 * The offset of `zone` from UTC at the instant `epochMs`, in minutes east of UTC (New York in
 * winter is -300). Follows daylight saving time and the zone's history. Historical offsets
 * with seconds (local mean time before 1900) are rounded to the minute, so a time formatted
 * with this offset still names the exact instant.
 *
 * @throws InputError when `zone` is not a zone (see `normalizeTimeZone`).
 */
export function offsetMinutes(zone: string, epochMs: number): number {
  if (zone === 'UTC') return 0;

  const fixed = parseOffset(zone);
  if (fixed !== undefined) return fixed;

  if (Number.isNaN(epochMs)) throw new InternalError('offsetMinutes called with NaN');
  return cachedOffset(zone, Math.min(Math.max(epochMs, -MAX_DATE_MS), MAX_DATE_MS));
}

/**
 * The instant, in milliseconds since 1970 UTC, that a wall-clock time read in `zone` stands
 * for. `month` runs 1 to 12; the fields must be in range (parsers check them first).
 *
 * Daylight saving makes some wall-clock times ambiguous, and each is settled one fixed way:
 * - in a gap (clocks jump forward, so the time never happened) the time is moved forward by
 *   the length of the gap: 02:30 on New York's spring-forward day is 03:30 EDT;
 * - in an overlap (clocks fall back, so the time happened twice) the earlier instant wins:
 *   01:30 on New York's fall-back day is 01:30 EDT, not 01:30 EST.
 */
export function localToEpochMs(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
): number {
  const wall =
    daysFromCivil(year, month, day) * DAY_MS +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    millisecond;

  // A day either side sees the offsets on both sides of any transition near `wall`.
  const before = offsetMinutes(zone, wall - DAY_MS);
  const after = offsetMinutes(zone, wall + DAY_MS);
  const readings = [wall - before * 60_000, wall - after * 60_000];

  const valid = readings.filter(
    (epochMs) => wall - offsetMinutes(zone, epochMs) * 60_000 === epochMs,
  );
  if (valid.length > 0) return Math.min(...valid);

  // No offset makes the wall time real: it fell in a gap, and the offset in force before the
  // gap carries it past the jump by exactly the gap's length.
  return wall - before * 60_000;
}

/** A zone given by the user, canonicalised, or an `InputError` naming where it came from. */
function checkedZone(text: string, source: string): string {
  const zone = normalizeTimeZone(text);
  if (zone !== undefined) return zone;
  throw new InputError(`${source}: unknown time zone '${text}'; expected ${ZONE_EXPECTED}`);
}

/** An IANA name `Intl` knows, in its canonical letter case, or `undefined`. */
function ianaName(text: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(text)) return undefined;

  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }

  if (resolved === 'UTC') return 'UTC';
  return supportedNameMap().get(text.toLowerCase()) ?? caseOf(resolved, text);
}

/** `resolved` when it is `text` in another letter case, else `text` as the user wrote it. */
function caseOf(resolved: string, text: string): string {
  return resolved.toLowerCase() === text.toLowerCase() ? resolved : text;
}

/** Every zone `Intl` lists, keyed by its lower-cased name. */
function supportedNameMap(): Map<string, string> {
  supportedNames ??= new Map(
    Intl.supportedValuesOf('timeZone').map((name) => [name.toLowerCase(), name]),
  );
  return supportedNames;
}

/** The offset at `epochMs`, from a cache of quarter-hours in which the offset is constant. */
function cachedOffset(zone: string, epochMs: number): number {
  const bucket = Math.floor(epochMs / BUCKET_MS);
  const buckets = bucketsOf(zone);
  const known = buckets.get(bucket);
  if (known !== undefined) return known;

  const start = intlOffset(zone, bucket * BUCKET_MS);
  const end = intlOffset(zone, bucket * BUCKET_MS + BUCKET_MS - 1);
  if (start !== end) return intlOffset(zone, epochMs);

  if (buckets.size >= MAX_CACHED_BUCKETS) buckets.clear();
  buckets.set(bucket, start);
  return start;
}

/** The cache of one zone. */
function bucketsOf(zone: string): Map<number, number> {
  let buckets = offsetCache.get(zone);
  if (!buckets) {
    buckets = new Map();
    offsetCache.set(zone, buckets);
  }
  return buckets;
}

/** Asks `Intl` for the offset of an IANA zone at `epochMs`, in whole minutes. */
function intlOffset(zone: string, epochMs: number): number {
  const clamped = Math.min(Math.max(epochMs, -MAX_DATE_MS), MAX_DATE_MS);
  const parts = formatterFor(zone).formatToParts(clamped);
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';

  const match = INTL_OFFSET_PATTERN.exec(name);
  if (!match) throw new InternalError(`unexpected offset '${name}' from Intl for ${zone}`);
  if (match[1] === undefined) return 0;

  const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? '0') / 60;
  return Math.round(match[1] === '-' ? -minutes : minutes);
}

/** A formatter that writes only the offset, made once per zone. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter) return formatter;

  try {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  } catch (error) {
    throw new InputError(`unknown time zone '${zone}'; expected ${ZONE_EXPECTED}`, undefined, {
      cause: error,
    });
  }
  formatters.set(zone, formatter);
  return formatter;
}
