/**
 * Lines and columns of a query's text. Spans hold offsets only; these turn an offset into the
 * 1-based line and column people read.
 */

/** A 1-based line and column. */
export interface LineAndColumn {
  readonly line: number;
  readonly column: number;
}

/** The offsets where lines start, for many lookups in one text. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** The line and column of `offset` (clamped to the text). */
  position(offset: number): LineAndColumn {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - (this.starts[low] ?? 0) + 1 };
  }
}

/** The line and column of one offset, without building a {@link LineMap}. */
export function lineAndColumn(text: string, offset: number): LineAndColumn {
  return new LineMap(text.slice(0, Math.max(0, offset))).position(offset);
}

/** The whole line `offset` is on, without its line break. */
export function lineText(text: string, offset: number): string {
  const at = Math.max(0, Math.min(offset, text.length));
  let start = at;
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

/** True for the characters that end a line: line feed and carriage return. */
export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** True when a line break lies between two offsets. */
export function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isLineBreak(text.charCodeAt(i))) return true;
  return false;
}
