/**
 * Rendering a result for stdout in the format the user chose with `--format`. Every format
 * shows datetimes in the zone the command resolved (see `resolveTimeZone`).
 */
import { once } from 'node:events';
import type { ResultSet } from '../../engine/engine.js';
import { assertNever, InputError } from '../../errors.js';
import { csvLines } from './csv.js';
import { jsonLines, ndjsonLines } from './json.js';
import { tableLines } from './table.js';

/** The formats a result can be written in. */
export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv';

/** Every output format, in the order help text lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'ndjson', 'csv'];

/** How to render a result. */
export interface RenderOptions {
  readonly format: OutputFormat;
  /** The zone datetimes are shown in. */
  readonly tz: string;
  /** `table` only: the terminal's width, which the table is fitted to. */
  readonly width?: number;
  /** `table` only: the widest a column may be; 60 unless given. */
  readonly maxColumnWidth?: number;
}

/** Text is handed to the stream in pieces of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Reads a `--format` value; letter case and surrounding spaces do not matter.
 *
 * @throws InputError naming the value and the formats there are.
 */
export function parseOutputFormat(text: string): OutputFormat {
  const format = OUTPUT_FORMATS.find((name) => name === text.trim().toLowerCase());
  if (format) return format;
  throw new InputError(
    `unknown output format '${text}'; expected one of ${OUTPUT_FORMATS.join(', ')}`,
  );
}

/**
 * A result as text in the chosen format, each line ending in a newline (CRLF for `csv`, as
 * RFC 4180 has it). The row count is not part of it: see `summaryLine`.
 */
export function renderResult(result: ResultSet, options: RenderOptions): string {
  return [...resultLines(result, options)].join('');
}

/**
 * Writes a result to `out` as `renderResult` would, in pieces, waiting whenever the stream
 * asks for a pause.
 */
export async function writeResult(
  result: ResultSet,
  options: RenderOptions,
  out: NodeJS.WritableStream,
): Promise<void> {
  let chunk = '';
  for (const line of resultLines(result, options)) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      await write(out, chunk);
      chunk = '';
    }
  }
  if (chunk !== '') await write(out, chunk);
}

/**
 * The line that follows a table: `(1 row)`, `(3 rows)`. It has no newline, and is not part of
 * `renderResult`'s text so that commands can send it elsewhere (stderr) or leave it out.
 */
export function summaryLine(result: ResultSet): string {
  const count = result.rows.length;
  return `(${count} ${count === 1 ? 'row' : 'rows'})`;
}

/** The lines of a result in the chosen format. */
function resultLines(result: ResultSet, options: RenderOptions): Iterable<string> {
  switch (options.format) {
    case 'table':
      return tableLines(result, options);
    case 'json':
      return jsonLines(result, options.tz);
    case 'ndjson':
      return ndjsonLines(result, options.tz);
    case 'csv':
      return csvLines(result, options.tz);
    default:
      return assertNever(options.format, 'output format');
  }
}

/** Writes `text`, waiting for the stream to drain when its buffer is full. */
async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
