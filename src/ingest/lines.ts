/**
 * Line bookkeeping for JSON-lines files the engine reads itself: how many rows a file holds
 * (the engine skips blank lines), and which line of the file a row number is.
 */
import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;

function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== NEWLINE) return false;
  }
  return true;
}

/**
 * Calls `visit(line, text)` for every non-blank line; `text` only when `wantText(row)` says so.
 * Works on raw bytes so that counting a large file costs little more than reading it.
 */
async function scanLines(
  path: string,
  visit: (row: number, line: number, text?: string) => void,
  wantText: (row: number) => boolean = () => false,
): Promise<void> {
  let carry: Buffer = Buffer.alloc(0);
  let line = 0;
  let row = 0;
  const onLine = (bytes: Buffer, start: number, end: number) => {
    line++;
    if (isBlank(bytes, start, end)) return;
    row++;
    visit(row, line, wantText(row) ? bytes.toString('utf8', start, end) : undefined);
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes: Buffer = carry.length
      ? Buffer.concat([carry, chunk as Buffer])
      : (chunk as Buffer);
    let start = 0;
    for (let nl = bytes.indexOf(NEWLINE, start); nl >= 0; nl = bytes.indexOf(NEWLINE, start)) {
      onLine(bytes, start, nl);
      start = nl + 1;
    }
    carry = bytes.subarray(start);
  }
  if (carry.length) onLine(carry, 0, carry.length);
}

/** How many non-blank lines the file has: the rows the engine will read from it. */
export async function countRows(path: string): Promise<number> {
  let rows = 0;
  await scanLines(path, (row) => (rows = row));
  return rows;
}

/** For each row number asked for, its line number and (the start of) its text. */
export async function locateRows(
  path: string,
  rows: readonly number[],
): Promise<Map<number, { line: number; text: string }>> {
  const wanted = new Set(rows);
  const found = new Map<number, { line: number; text: string }>();
  await scanLines(
    path,
    (row, line, text) => {
      if (text !== undefined) found.set(row, { line, text: text.slice(0, 200) });
    },
    (row) => wanted.has(row),
  );
  return found;
}
