/**
 * Finding inputs: the files and folders a user names, walked in a fixed order, every file
 * sniffed, every archive opened up into its members. What cannot be read is reported beside
 * the inputs, and the listing goes on.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { listMembers } from './archives/expand.js';
import { FileSource, writeCopy } from './archives/byte-streams.js';
import type { InputFormat, InputSource } from './reader.js';
import { SNIFF_HEAD_BYTES, sniffFormat, type ArchiveKind } from './sniff.js';

/** One thing found while listing inputs. */
export type InputEntry =
  | {
      readonly kind: 'input';
      readonly source: InputSource;
      readonly format: InputFormat;
      /** The name of the archive the input was found in, when it is an archive member. */
      readonly container?: string;
    }
  | { readonly kind: 'ignored'; readonly name: string; readonly reason: string }
  | {
      readonly kind: 'problem';
      readonly name: string;
      readonly message: string;
      readonly severity: 'warning' | 'error';
    };

/** Archives inside archives are opened this many levels deep, no deeper. */
const MAX_NESTING = 8;

/**
 * Lists the inputs under `paths`. Folders are walked recursively in name order, skipping
 * entries whose names start with `.` (a hidden file named directly is listed); a folder
 * reached twice through symbolic links is walked once. Archives are expanded into their
 * members, named `archive!member`. A path that is missing or unreadable yields a `problem`.
 *
 * @example
 * for await (const entry of listInputs(['logs/'])) {
 *   if (entry.kind === 'input') console.log(entry.source.name, entry.format);
 * }
 */
export async function* listInputs(paths: readonly string[]): AsyncIterable<InputEntry> {
  const walkedFolders = new Map<string, string>();
  for (const path of paths) yield* listPath(path, walkedFolders);
}

/**
 * A file holding `source`'s bytes, for handing an input to another program: the file itself
 * for plain files, otherwise a copy written into `dir`.
 */
export async function materialize(source: InputSource, dir: string): Promise<string> {
  if (source instanceof FileSource) return source.path;
  return writeCopy(source, dir);
}

/** The SHA-256 digest of a file, as lowercase hex, read as a stream. */
export async function digestFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function* listPath(
  path: string,
  walkedFolders: Map<string, string>,
): AsyncGenerator<InputEntry> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield problem(path, fsMessage(error));
    return;
  }

  if (info.isDirectory()) yield* listFolder(path, walkedFolders);
  else if (info.isFile()) yield* listFile(new FileSource(path, info.size));
  else yield ignored(path, 'not a regular file or folder');
}

async function* listFolder(
  path: string,
  walkedFolders: Map<string, string>,
): AsyncGenerator<InputEntry> {
  let names: string[];
  try {
    const real = await realpath(path);
    const earlier = walkedFolders.get(real);
    if (earlier !== undefined) {
      yield ignored(path, `the same folder as ${earlier}, already listed`);
      return;
    }
    walkedFolders.set(real, path);
    names = await readdir(path);
  } catch (error) {
    yield problem(path, fsMessage(error));
    return;
  }

  const visible = names.filter((name) => !name.startsWith('.'));
  visible.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of visible) yield* listPath(join(path, name), walkedFolders);
}

async function* listFile(source: FileSource): AsyncGenerator<InputEntry> {
  let head: Buffer;
  try {
    head = await readFileHead(source.path);
  } catch (error) {
    yield problem(source.name, fsMessage(error));
    return;
  }
  yield* classify(source, head, undefined, 0);
}

/** Sniffs one input and yields it, the reason it is ignored, or the members of an archive. */
async function* classify(
  source: InputSource,
  head: Buffer,
  container: string | undefined,
  depth: number,
): AsyncGenerator<InputEntry> {
  const sniffed = sniffFormat(head, source.name);
  switch (sniffed.kind) {
    case 'format':
      yield { kind: 'input', source, format: sniffed.format, ...(container ? { container } : {}) };
      return;
    case 'ignored':
      yield ignored(source.name, sniffed.reason);
      return;
    case 'archive':
      yield* expand(source, sniffed.archive, depth + 1);
      return;
  }
}

async function* expand(
  archive: InputSource,
  kind: ArchiveKind,
  depth: number,
): AsyncGenerator<InputEntry> {
  if (depth > MAX_NESTING) {
    yield ignored(archive.name, `archives nested more than ${MAX_NESTING} deep are not opened`);
    return;
  }

  for await (const event of listMembers(archive, kind)) {
    switch (event.kind) {
      case 'member':
        yield* classify(event.source, event.head, archive.name, depth);
        break;
      case 'skipped':
        yield ignored(event.name, event.reason);
        break;
      case 'problem':
        yield event;
        break;
    }
  }
}

async function readFileHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SNIFF_HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Node's file system errors say what failed in their code; say it in words. */
function fsMessage(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'a folder where a file was expected';
  }
  return error instanceof Error ? error.message : String(error);
}

function ignored(name: string, reason: string): InputEntry {
  return { kind: 'ignored', name, reason };
}

function problem(name: string, message: string): InputEntry {
  return { kind: 'problem', name, message, severity: 'error' };
}
