/**
 * Gzip decompression that can tell a stream cut short from a damaged one. Archives copied off
 * a host in a hurry often lose their last bytes: everything before the cut still decompresses,
 * and the caller decides whether that is a warning (a tar whose members all arrived) or an
 * error.
 */
import type { Readable } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';

import { InputError } from '../../errors.js';
import { byteStream } from './byte-streams.js';

/** How far a gzip stream got before it ended without its trailer. */
export interface EarlyEnd {
  /** Compressed bytes read, all there were. */
  readonly compressedBytes: number;
  /** Bytes decompressed from them. */
  readonly bytesOut: number;
}

/**
 * Decompresses `input`. When the gzip stream ends before its trailer, the output ends
 * normally and `onEarlyEnd` is told, or, without `onEarlyEnd`, the output fails with an
 * `InputError` naming `name` and the offset. Damaged data always fails the output.
 */
export function gunzip(
  input: Readable,
  name: string,
  onEarlyEnd?: (end: EarlyEnd) => void,
): Readable {
  return byteStream(() => inflate(input, name, onEarlyEnd));
}

/**
 * Feeds zlib one input chunk at a time and hands on what each produced before taking the next,
 * so memory stays bounded and no output is lost when zlib fails at the end of the input.
 */
async function* inflate(
  input: Readable,
  name: string,
  onEarlyEnd: ((end: EarlyEnd) => void) | undefined,
): AsyncGenerator<Buffer> {
  const zlib = createGunzip();
  const output: Buffer[] = [];
  let bytesOut = 0;
  zlib.on('data', (chunk: Buffer) => {
    output.push(chunk);
    bytesOut += chunk.length;
  });

  const failed = new Promise<never>((_, reject) => zlib.on('error', reject));
  failed.catch(() => undefined);

  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      await Promise.race([write(zlib, chunk), failed]);
      yield* output.splice(0);
    }
    await Promise.race([finish(zlib), failed]);
    yield* output.splice(0);
  } catch (error) {
    yield* output.splice(0);
    const end = { compressedBytes: zlib.bytesWritten, bytesOut };
    if (!isEarlyEnd(error)) throw damaged(error, name, zlib.bytesWritten);
    if (!onEarlyEnd) throw endedEarly(name, end);
    onEarlyEnd(end);
  } finally {
    input.destroy();
    zlib.destroy();
  }
}

function write(zlib: Gunzip, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => zlib.write(chunk, () => resolve()));
}

function finish(zlib: Gunzip): Promise<void> {
  return new Promise((resolve) => {
    zlib.once('end', resolve);
    zlib.end();
  });
}

function isEarlyEnd(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'Z_BUF_ERROR';
}

function damaged(error: unknown, name: string, offset: number): unknown {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('Z_')) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new InputError(`damaged gzip data (${detail})`, { file: name, offset }, { cause: error });
}

/** The message for a gzip stream cut short when nothing can vouch for what came out. */
export function endedEarly(name: string, end: EarlyEnd): InputError {
  return new InputError(
    `the gzip stream ends early, after ${end.compressedBytes} compressed bytes ` +
      `(${end.bytesOut} decompressed); what follows is missing`,
    { file: name, offset: end.compressedBytes },
  );
}
