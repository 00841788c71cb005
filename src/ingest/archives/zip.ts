/**
 * Zip archives, read with yauzl from a file on disk (a zip inside another archive is copied
 * out first). The central directory gives every member's name and size without reading the
 * members; opening a member reads only that member.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

import { InputError, NotSupportedError } from '../../errors.js';
import type { InputSource } from '../reader.js';
import { byteStream, readHead, type ArchiveEvent } from './byte-streams.js';

/** Compression methods yauzl decodes: stored and deflated. */
const READABLE_METHODS: ReadonlySet<number> = new Set([0, 8]);

/**
 * Lists the files of the zip at `path` with their first bytes; members are named
 * `name!member/path`. Folders (names ending in `/`) are left out. A member that cannot be
 * decoded is a problem and the listing goes on; a damaged directory ends it.
 */
export async function* walkZip(path: string, name: string): AsyncGenerator<ArchiveEvent> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    yield problem(name, damaged(error, name, 'archive').message);
    return;
  }

  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      yield await visit(zip, path, entry, `${name}!${entry.fileName}`);
    }
  } catch (error) {
    yield problem(name, damaged(error, name, 'archive').message);
  } finally {
    zip.close();
  }
}

async function visit(zip: ZipFile, path: string, entry: Entry, name: string) {
  const unreadable = unsupported(entry);
  if (unreadable) return problem(name, unreadable.message);

  try {
    const head = await readHead(await zip.openReadStreamPromise(entry));
    const source = zipMember(path, entry, name);
    return { kind: 'member', source, head } satisfies ArchiveEvent;
  } catch (error) {
    return problem(name, damaged(error, name, 'member').message);
  }
}

/** A member of a zip, opened by reading the zip's file again at the member's offset. */
function zipMember(path: string, entry: Entry, name: string): InputSource {
  return {
    name,
    size: entry.uncompressedSize,
    open: () => byteStream(() => memberChunks(path, entry, name)),
  };
}

async function* memberChunks(path: string, entry: Entry, name: string): AsyncGenerator<Buffer> {
  let got = 0;
  let stream: Readable | undefined;
  try {
    const zip = await openZip(path);
    try {
      stream = await zip.openReadStreamPromise(entry);
    } finally {
      // The open read stream keeps the file open until it ends.
      zip.close();
    }
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      got += chunk.length;
      yield chunk;
    }
  } catch (error) {
    throw damaged(error, name, 'member', got);
  } finally {
    stream?.destroy();
  }
}

function unsupported(entry: Entry): NotSupportedError | undefined {
  if (entry.isEncrypted()) return new NotSupportedError('encrypted zip members');
  if (!READABLE_METHODS.has(entry.compressionMethod)) {
    return new NotSupportedError(`zip compression method ${entry.compressionMethod}`);
  }
  return undefined;
}

function damaged(error: unknown, file: string, what: 'archive' | 'member', offset?: number) {
  if (error instanceof InputError || error instanceof NotSupportedError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const label = what === 'archive' ? 'not a readable zip archive' : 'damaged zip member';
  const message = `${label} (${detail})`;
  return new InputError(message, { file, offset }, { cause: error });
}

const ZIP_OPTIONS = { lazyEntries: true, autoClose: false } as const;

/**
 * Opens a zip. Some zips carry stray bytes after their end record (a line feed added in
 * transit); yauzl rejects those, so such a zip is read as if it ended at its end record.
 */
async function openZip(path: string): Promise<ZipFile> {
  const { fileSize, zipSize } = await measureZip(path);
  if (zipSize === fileSize) return yauzl.openPromise(path, ZIP_OPTIONS);
  return yauzl.fromRandomAccessReaderPromise(new FileRangeReader(path), zipSize, ZIP_OPTIONS);
}

/** The end-of-central-directory record: 22 bytes, then a comment of up to 65535. */
const END_RECORD = Buffer.from('PK\x05\x06', 'latin1');
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Finds where the zip proper ends: just after the last end record whose comment fits. */
async function measureZip(path: string): Promise<{ fileSize: number; zipSize: number }> {
  const file = await open(path, 'r');
  try {
    const fileSize = (await file.stat()).size;
    const length = Math.min(fileSize, END_RECORD_SIZE + MAX_COMMENT + 64);
    const tail = Buffer.alloc(length);
    await file.read(tail, 0, length, fileSize - length);

    for (
      let at = tail.lastIndexOf(END_RECORD);
      at >= 0;
      at = tail.lastIndexOf(END_RECORD, at - 1)
    ) {
      const end =
        at + END_RECORD_SIZE <= length
          ? at + END_RECORD_SIZE + tail.readUInt16LE(at + 20)
          : Infinity;
      if (end <= length) return { fileSize, zipSize: fileSize - length + end };
      if (at === 0) break;
    }
    return { fileSize, zipSize: fileSize };
  } finally {
    await file.close();
  }
}

/** Reads byte ranges of a file for yauzl, for zips that end before their file does. */
class FileRangeReader extends yauzl.RandomAccessReader {
  constructor(private readonly path: string) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return createReadStream(this.path, { start, end: end - 1 });
  }
}

function problem(name: string, message: string): ArchiveEvent {
  return { kind: 'problem', name, message, severity: 'error' };
}
