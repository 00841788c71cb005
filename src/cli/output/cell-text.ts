/**
 * Values as the text of one cell, for the formats that write text rather than JSON values:
 * `csv` and `table`.
 */
import { Duration, Instant, type Value } from '../../engine/engine.js';
import { formatDuration, formatInstant, formatInstantDisplay } from '../../time/format.js';
import { jsonText } from './json.js';

/**
 * How a cell shows a datetime: `iso` is `2026-12-03T12:13:57.1234567-05:00`, `display` is
 * `2026-12-03 12:13:57.1234567 -05:00`.
 */
export type InstantStyle = 'iso' | 'display';

/**
 * A value as cell text, or `null` for a null. Booleans are `true`/`false`, numbers and
 * `bigint`s their decimal digits, datetimes in `zone`, timespans in Kusto's timespan form, and
 * dynamic arrays and objects compact JSON text.
 */
export function cellText(value: Value, zone: string, style: InstantStyle): string | null {
  if (value === null || value === undefined) return null;

  switch (typeof value) {
    case 'boolean':
    case 'number':
    case 'bigint':
      return String(value);
    case 'string':
      return value;
  }

  if (value instanceof Instant) {
    return style === 'iso' ? formatInstant(value, zone) : formatInstantDisplay(value, zone);
  }
  if (value instanceof Duration) return formatDuration(value);
  return jsonText(value, zone);
}
