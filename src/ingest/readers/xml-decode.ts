/**
 * Turns the bytes of an XML input into text, choosing the encoding the way an XML processor
 * does: a byte order mark first, then the byte pattern of `<` in UTF-16, then the `encoding`
 * named by the XML declaration, and UTF-8 when nothing says otherwise.
 */
import { TextDecoder } from 'node:util';

import { NotSupportedError } from '../../errors.js';

/** How many leading bytes are enough to see a byte order mark and an XML declaration. */
const SNIFF_BYTES = 512;

const DECLARED_ENCODING = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/**
 * Decodes a stream of bytes into a stream of text chunks. A byte order mark is consumed, never
 * returned. Malformed byte sequences become U+FFFD, as a browser shows them.
 *
 * @throws NotSupportedError when the declaration names an encoding Node cannot decode.
 */
export async function* decodeXmlText(
  bytes: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<string> {
  let head = Buffer.alloc(0);
  let decoder: TextDecoder | undefined;

  for await (const chunk of bytes) {
    if (typeof chunk === 'string') {
      yield chunk;
    } else if (decoder !== undefined) {
      yield* nonEmpty(decoder.decode(chunk, { stream: true }));
    } else {
      head = Buffer.concat([head, chunk]);
      if (head.length < SNIFF_BYTES) continue;
      decoder = makeDecoder(head);
      yield* nonEmpty(decoder.decode(head, { stream: true }));
    }
  }

  if (decoder !== undefined) {
    yield* nonEmpty(decoder.decode());
  } else if (head.length > 0) {
    yield* nonEmpty(makeDecoder(head).decode(head));
  }
}

/** Yields `text` unless it is empty. */
function* nonEmpty(text: string): Generator<string> {
  if (text.length > 0) yield text;
}

/** Picks the decoder for an input whose first bytes are `head`. */
export function makeDecoder(head: Uint8Array): TextDecoder {
  const label = sniffEncoding(head);
  try {
    return new TextDecoder(label);
  } catch {
    throw new NotSupportedError(`the "${label}" text encoding`, 'Node.js cannot decode it');
  }
}

/** The encoding label for an input that starts with `head`. */
export function sniffEncoding(head: Uint8Array): string {
  const [b0, b1] = head;
  if (b0 === 0xef && b1 === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0x3c && b1 === 0x00) return 'utf-16le';
  if (b0 === 0x00 && b1 === 0x3c) return 'utf-16be';

  const declared = DECLARED_ENCODING.exec(Buffer.from(head).toString('latin1'))?.[1];
  if (declared === undefined) return 'utf-8';

  // Single bytes that still claim UTF-16 were re-encoded without fixing the declaration.
  return /^utf-?16/i.test(declared) ? 'utf-8' : declared.toLowerCase();
}
