/**
 * JSON output. `json` is one array holding an object per row, each row on a line of its own;
 * `ndjson` is an object per line and nothing else. Objects are keyed by column name, in column
 * order.
 */
import { Duration, Instant, type ResultSet, type Value } from '../../engine/engine.js';
import { formatDuration, formatInstant } from '../../time/format.js';

/** The largest integer a JSON reader holds exactly in a double. */
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A value as JSON text. Datetimes are ISO 8601 strings in `zone` (see `formatInstant`),
 * timespans Kusto timespan strings, `bigint`s numbers within ±(2^53 - 1) and strings beyond,
 * where a JSON reader would round them. Non-finite reals, which JSON cannot write, are the
 * strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
 *
 * @example jsonText([1n, 2n ** 60n], 'UTC') // '[1,"1152921504606846976"]'
 */
export function jsonText(value: Value, zone: string): string {
  if (value === null || value === undefined) return 'null';

  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : `"${value}"`;
    case 'bigint':
      return value <= MAX_EXACT && value >= -MAX_EXACT ? value.toString() : `"${value}"`;
    case 'string':
      return JSON.stringify(value);
  }

  if (value instanceof Instant) return JSON.stringify(formatInstant(value, zone));
  if (value instanceof Duration) return JSON.stringify(formatDuration(value));
  if (isValueArray(value)) return `[${value.map((item) => jsonText(item, zone)).join(',')}]`;

  const members = Object.entries(value).map(
    ([key, item]) => `${JSON.stringify(key)}:${jsonText(item, zone)}`,
  );
  return `{${members.join(',')}}`;
}

/**
 * The `json` form of a result, line by line, each line ending in a newline: `[`, a row per
 * line, `]`; an empty result is the one line `[]`.
 */
export function* jsonLines(result: ResultSet, zone: string): Generator<string> {
  if (result.rows.length === 0) {
    yield '[]\n';
    return;
  }

  yield '[\n';
  const last = result.rows.length - 1;
  for (const [index, row] of result.rows.entries()) {
    yield `  ${rowText(result, row, zone)}${index < last ? ',' : ''}\n`;
  }
  yield ']\n';
}

/** The `ndjson` form of a result: a row per line, each line ending in a newline. */
export function* ndjsonLines(result: ResultSet, zone: string): Generator<string> {
  for (const row of result.rows) yield `${rowText(result, row, zone)}\n`;
}

/** One row as a JSON object keyed by column name. */
function rowText(result: ResultSet, row: readonly Value[], zone: string): string {
  const members = result.columns.map(
    (column, index) => `${JSON.stringify(column.name)}:${jsonText(row[index] ?? null, zone)}`,
  );
  return `{${members.join(',')}}`;
}

/** Tells arrays from objects among dynamic values. */
function isValueArray(value: object): value is readonly Value[] {
  return Array.isArray(value);
}
