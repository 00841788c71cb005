/**
 * CSV output as RFC 4180 describes it: a header row of column names, then a record per row,
 * fields separated by commas and records ended by CRLF.
 */
import type { ResultSet } from '../../engine/engine.js';
import { cellText } from './cell-text.js';

/** Characters that force a field into quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

/** The end of a record. */
const RECORD_END = '\r\n';

/**
 * One field. A field holding a comma, a quote or a line break is quoted, with quotes doubled;
 * other fields are written bare. A null is an empty field and an empty string is `""`, so the
 * two stay apart.
 *
 * @example csvField('say "hi", then go') // '"say ""hi"", then go"'
 */
export function csvField(text: string | null): string {
  if (text === null) return '';
  if (text === '' || NEEDS_QUOTES.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/**
 * The `csv` form of a result, record by record, each ending in CRLF. Datetimes are ISO 8601 in
 * `zone`; dynamic values are compact JSON text.
 */
export function* csvLines(result: ResultSet, zone: string): Generator<string> {
  yield record(result.columns.map((column) => column.name));
  for (const row of result.rows) {
    yield record(result.columns.map((_, index) => cellText(row[index] ?? null, zone, 'iso')));
  }
}

/** One record from its fields' texts. */
function record(fields: readonly (string | null)[]): string {
  return fields.map(csvField).join(',') + RECORD_END;
}
