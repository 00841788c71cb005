/**
 * The `table` format: rows as aligned plain text for a terminal. A header row, a line of `-`
 * under each column, then a line per row. Numeric columns are right-aligned; a cell wider than
 * its column ends in `…`.
 *
 * Cells show what is in them, never what a terminal would do with it: line breaks become `⏎`,
 * tabs a space, other control characters their Unicode pictures (`␛`), and bidirectional
 * overrides, which can make `exe.txt` read as `txt.exe`, become `�`. The `json`, `ndjson` and
 * `csv` formats keep values exactly as they are.
 */
import type { ResultSet, Value } from '../../engine/engine.js';
import { isNumeric } from '../../plan/types.js';
import { cellText } from './cell-text.js';
import { displayWidth, padEndToWidth, padStartToWidth, truncateToWidth } from './text-width.js';

/** Options of the `table` format. */
export interface TableOptions {
  /** The zone datetimes are shown in. */
  readonly tz: string;
  /**
   * The terminal's width: when given, the widest text columns shrink until the table fits.
   * Numeric columns keep their width.
   */
  readonly width?: number;
  /** The widest a column may be, in terminal columns. Defaults to 60. */
  readonly maxColumnWidth?: number;
}

/** The default for `TableOptions.maxColumnWidth`. */
export const DEFAULT_MAX_COLUMN_WIDTH = 60;

/** What separates two columns. */
const GAP = '  ';

/** A column squeezed to fit the terminal keeps at least this many columns (`ab…`). */
const MIN_FITTED_WIDTH = 3;

/** Line breaks of every kind, each shown as one `⏎`. */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/** C0 controls and DEL, which have pictures at U+2400 onwards. */
const C0_CONTROLS = /[\x00-\x1f\x7f]/g;

/** C1 controls and the characters that reorder text: isolates, embeddings, overrides, marks. */
const HIDDEN_CONTROLS = /[\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The `table` form of a result, line by line, each line ending in a newline. A result without
 * columns has no lines; one without rows has the header and the `-` line only. No line has
 * trailing spaces.
 */
export function tableLines(result: ResultSet, options: TableOptions): string[] {
  if (result.columns.length === 0) return [];

  const header = result.columns.map((column) => visibleText(column.name));
  const body = result.rows.map((row) => header.map((_, index) => cell(row[index], options.tz)));
  const alignRight = result.columns.map((column) => isNumeric(column.type));

  const widths = columnWidths(header, body, alignRight, options);
  const rule = widths.map((width) => '-'.repeat(width));
  return [header, rule, ...body].map((cells) => tableLine(cells, widths, alignRight));
}

/**
 * Text as it can be shown in one cell: see the module comment.
 *
 * @example visibleText('a\tb\r\nc\x1b[31m') // 'a b⏎c␛[31m'
 */
export function visibleText(text: string): string {
  return text
    .replace(LINE_BREAKS, '⏎')
    .replaceAll('\t', ' ')
    .replace(C0_CONTROLS, (control) => pictureOf(control))
    .replace(HIDDEN_CONTROLS, '\uFFFD');
}

/** One value as the text of its cell; a null, or a cell missing from a short row, is empty. */
function cell(value: Value | undefined, zone: string): string {
  return visibleText(cellText(value ?? null, zone, 'display') ?? '');
}

/**
 * The widths the columns get: their widest cell, capped, then fitted to the terminal. Numbers
 * are never cut to fit, since a cut number reads as a different number.
 */
function columnWidths(
  header: readonly string[],
  body: readonly (readonly string[])[],
  alignRight: readonly boolean[],
  options: TableOptions,
): number[] {
  const cap = Math.max(1, options.maxColumnWidth ?? DEFAULT_MAX_COLUMN_WIDTH);
  const widest = (index: number) =>
    body.reduce((most, cells) => Math.max(most, displayWidth(cells[index] ?? '')), 0);
  const natural = header.map((name, index) =>
    Math.min(cap, Math.max(displayWidth(name), widest(index))),
  );

  if (options.width === undefined) return natural;
  const shrinkable = alignRight.map((right) => !right);
  return fitWidths(natural, shrinkable, options.width);
}

/**
 * Shrinks the widest shrinkable columns until the table fits `total` columns: each one wider
 * than some limit is cut to it, the limit being the largest that fits, and the room left over
 * goes one column at a time to the cut columns, left to right. Columns never shrink below
 * `MIN_FITTED_WIDTH`: on a very narrow terminal the table overflows rather than turn to dots.
 */
function fitWidths(
  natural: readonly number[],
  shrinkable: readonly boolean[],
  total: number,
): number[] {
  const room = total - GAP.length * (natural.length - 1);
  const widthsAt = (limit: number) =>
    natural.map((width, index) => (shrinkable[index] ? Math.min(width, limit) : width));
  const used = (limit: number) => widthsAt(limit).reduce((sum, width) => sum + width, 0);
  if (used(Infinity) <= room) return [...natural];

  let limit = MIN_FITTED_WIDTH;
  let high = Math.max(...natural);
  while (limit < high) {
    const middle = Math.ceil((limit + high) / 2);
    if (used(middle) <= room) limit = middle;
    else high = middle - 1;
  }

  const widths = widthsAt(limit);
  let spare = room - used(limit);
  for (const [index, width] of natural.entries()) {
    if (spare > 0 && shrinkable[index] && width > limit) {
      widths[index] = limit + 1;
      spare -= 1;
    }
  }
  return widths;
}

/** One line of the table: cells cut and padded to their columns, without trailing spaces. */
function tableLine(
  cells: readonly string[],
  widths: readonly number[],
  alignRight: readonly boolean[],
): string {
  const padded = cells.map((cell, index) => {
    const width = widths[index] ?? 0;
    const text = truncateToWidth(cell, width);
    return alignRight[index] ? padStartToWidth(text, width) : padEndToWidth(text, width);
  });
  return `${padded.join(GAP).replace(/ +$/, '')}\n`;
}

/** The Unicode picture of a C0 control or DEL: `␀` to `␟`, and `␡`. */
function pictureOf(control: string): string {
  const code = control.charCodeAt(0);
  return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
}
