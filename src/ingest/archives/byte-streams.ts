/**
 * Small pieces the archive walkers share: sources backed by files, streams made from async
 * generators, reading the head of a stream, and copies of archive members on disk for the
 * libraries and programs that want a file path.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { InputSource } from '../reader.js';
import { SNIFF_HEAD_BYTES } from '../sniff.js';

/** What an archive walker reports: a member with its first bytes, a skipped entry, a problem. */
export type ArchiveEvent =
  | { readonly kind: 'member'; readonly source: InputSource; readonly head: Buffer }
  | { readonly kind: 'skipped'; readonly name: string; readonly reason: string }
  | {
      readonly kind: 'problem';
      readonly name: string;
      readonly message: string;
      readonly severity: 'warning' | 'error';
    };

/** A plain file on disk: opening it reads the file again. */
export class FileSource implements InputSource {
  constructor(
    /** The path as the user gave it (joined with folder names), also used as the name. */
    readonly path: string,
    readonly size?: number,
  ) {}

  get name(): string {
    return this.path;
  }

  open(): Readable {
    return createReadStream(this.path);
  }
}

/**
 * Wraps an async generator of byte chunks as a Readable. Nothing runs until the stream is
 * read; destroying the stream returns the generator, so its `finally` blocks release what it
 * opened.
 */
export function byteStream(chunks: () => AsyncGenerator<Uint8Array>): Readable {
  return Readable.from(chunks(), { objectMode: false });
}

/** Reads up to `max` bytes from the start of `stream`, then destroys the stream. */
export async function readHead(stream: Readable, max = SNIFF_HEAD_BYTES): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      length += chunk.length;
      if (length >= max) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts, length).subarray(0, max);
}

/** Reads a stream to its end, discarding the bytes. */
export async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream) {
    // Only the end of the stream matters.
  }
}

/**
 * A file path holding `source`'s bytes: the file itself for plain files, otherwise a copy made
 * once per source in a folder of the system's temporary directory that is removed when the
 * process exits.
 */
export function localPath(source: InputSource): Promise<string> {
  if (source instanceof FileSource) return Promise.resolve(source.path);

  let path = spilled.get(source);
  if (!path) {
    path = writeCopy(source, spillFolder());
    path.catch(() => spilled.delete(source));
    spilled.set(source, path);
  }
  return path;
}

/**
 * Writes `source`'s bytes to a file in `dir` named after the source (a short digest of the
 * full name keeps two members with one file name apart) and returns the file's path.
 */
export async function writeCopy(source: InputSource, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, copyName(source.name));
  await pipeline(source.open(), createWriteStream(target));
  return target;
}

function copyName(name: string): string {
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 12);
  const last = name.split(/[!/\\]/).pop() || 'member';
  return `${digest}-${last.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

const spilled = new WeakMap<InputSource, Promise<string>>();

let spillDir: string | undefined;

function spillFolder(): string {
  if (spillDir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'quarry-archive-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    spillDir = dir;
  }
  return spillDir;
}
