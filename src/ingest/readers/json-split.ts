/**
 * Splits a JSON input that is not one object per line into its values: the elements of a
 * top-level array, or values written one after another (pretty-printed exports). Each value
 * comes out as one line of text for the engine to parse; this scanner only follows strings and
 * brackets, so it is fast, and it can point at a broken value and carry on after it, which a
 * parser cannot.
 */
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';

import { JsonSplitter } from './json-splitter.js';

/** A value's text (one line), or a structural problem, with the 1-based line and column. */
export type SplitItem =
  | {
      readonly kind: 'value';
      readonly line: number;
      readonly column: number;
      readonly text: string;
    }
  | {
      readonly kind: 'bad';
      readonly line: number;
      readonly column: number;
      readonly message: string;
    };

/** Options for {@link splitJsonValues}. */
export interface SplitOptions {
  /** A value growing past this many bytes is reported and skipped. Default 64 MiB. */
  readonly maxValueBytes?: number;
}

/**
 * Yields the values of a JSON input. A top-level array yields its elements; other top-level
 * values are yielded whole. Line breaks outside strings become spaces, so every value's text
 * is one line. Unbalanced brackets, a string not closed on its line, a value cut off by the
 * end of input and stray characters between values are yielded as `bad` items; scanning then
 * resumes at the next `{` that can start a value (for a value broken in the middle, the next
 * `{` that begins a line at or left of the broken value's own column), and goes on.
 *
 * Input is UTF-8; a byte order mark is skipped, and UTF-16 (with or without one) is converted.
 * Columns count characters.
 *
 * @example
 * for await (const item of splitJsonValues(createReadStream('export.json'))) {
 *   if (item.kind === 'value') JSON.parse(item.text);
 * }
 */
export async function* splitJsonValues(
  input: Readable,
  options: SplitOptions = {},
): AsyncGenerator<SplitItem> {
  const splitter = new JsonSplitter(options.maxValueBytes ?? 64 * 1024 * 1024);
  for await (const chunk of utf8Chunks(input as AsyncIterable<Buffer>)) {
    for (const item of splitter.push(chunk)) yield item;
  }
  for (const item of splitter.end()) yield item;
}

/**
 * Passes UTF-8 through, without its byte order mark; converts UTF-16, recognised by its byte
 * order mark or by the zero byte beside the first character.
 */
async function* utf8Chunks(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let decoder: TextDecoder | undefined;
  let first = true;
  for await (const chunk of input) {
    if (first && chunk.length > 0) {
      first = false;
      decoder = utf16Decoder(chunk);
      if (!decoder) {
        yield hasUtf8Bom(chunk) ? chunk.subarray(3) : chunk;
        continue;
      }
    }
    if (decoder) yield Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
    else yield chunk;
  }
  if (decoder) yield Buffer.from(decoder.decode(), 'utf8');
}

function utf16Decoder(head: Buffer): TextDecoder | undefined {
  if (head.length < 2) return undefined;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] !== 0 && head[1] === 0)) {
    return new TextDecoder('utf-16le');
  }
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0 && head[1] !== 0)) {
    return new TextDecoder('utf-16be');
  }
  return undefined;
}

function hasUtf8Bom(head: Buffer): boolean {
  return head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}
