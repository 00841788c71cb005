/**
 * Tar archives, plain or gzip-compressed, read as a stream with tar-stream. Listing walks the
 * whole archive once, reading every member to its end so that a member cut short is caught
 * before anyone reads it; opening a member walks the archive again up to that member.
 */
import type { Readable } from 'node:stream';
import { extract, type Extract, type Header } from 'tar-stream';

import { InputError } from '../../errors.js';
import type { InputSource } from '../reader.js';
import { SNIFF_HEAD_BYTES } from '../sniff.js';
import { byteStream, drain, type ArchiveEvent } from './byte-streams.js';
import type { EarlyEnd } from './gzip.js';

/** The uncompressed bytes of a tar archive, and the name its members are listed under. */
export interface TarInput {
  readonly name: string;
  /** Opens the tar bytes; a gzip layer tells `onEarlyEnd` when its stream stops early. */
  open(onEarlyEnd?: (end: EarlyEnd) => void): Readable;
}

/** One entry of a tar stream: its header, the offset of that header, and its content. */
type Entry = Extract extends AsyncIterable<infer E> ? E : never;

/** Tar blocks are 512 bytes; a header fills one, and the entry's content follows it. */
const BLOCK = 512;

/** How far a listing got: the member being read, and where the last complete one ended. */
interface WalkState {
  index: number;
  member: { name: string; size: number; got: number } | undefined;
  contentEnd: number;
}

/**
 * Lists the regular files of a tar archive, with their first bytes. An archive that stops
 * early after its last complete member gives a warning; a member cut short, or an archive
 * that stops inside a header, gives an error and ends the listing.
 */
export async function* walkTar(input: TarInput): AsyncGenerator<ArchiveEvent> {
  const walk = openTar(input);
  const state: WalkState = { index: -1, member: undefined, contentEnd: 0 };
  try {
    for await (const entry of walk.entries) yield* visit(input, entry, state);
  } catch (error) {
    yield stopped(input.name, error, walk, state);
    return;
  } finally {
    walk.close();
  }

  const early = walk.early();
  if (early) yield endsEarly(input.name, early, walk, state);
}

async function* visit(input: TarInput, entry: Entry, state: WalkState) {
  const header = entry.header;
  const name = `${input.name}!${header.name.replace(/^(\.\/)+/, '')}`;
  state.index++;
  if (!isRegularFile(header)) {
    await drain(entry);
    if (header.type !== 'directory') yield skipped(name, header);
    return;
  }

  const size = header.size ?? 0;
  state.member = { name, size, got: 0 };
  const head = await readWhole(entry, state.member);
  state.member = undefined;
  state.contentEnd = entry.offset + BLOCK + size;

  const source = tarMember(input, state.index, name, size);
  yield { kind: 'member', source, head } satisfies ArchiveEvent;
}

/** A member of a tar archive, opened by walking the archive to its `index`th entry. */
function tarMember(input: TarInput, index: number, name: string, size: number): InputSource {
  return { name, size, open: () => byteStream(() => memberChunks(input, index, name)) };
}

async function* memberChunks(input: TarInput, index: number, name: string) {
  const walk = openTar(input);
  let i = -1;
  try {
    for await (const entry of walk.entries) {
      if (++i < index) {
        await drain(entry);
        continue;
      }
      yield* entry as AsyncIterable<Buffer>;
      return;
    }
    throw new InputError('the member is no longer in the archive', { file: name });
  } finally {
    walk.close();
  }
}

/** Reads an entry to its end, keeping its first bytes and counting all of them. */
async function readWhole(entry: Entry, progress: { got: number }): Promise<Buffer> {
  const parts: Buffer[] = [];
  let kept = 0;
  for await (const chunk of entry as AsyncIterable<Buffer>) {
    progress.got += chunk.length;
    if (kept < SNIFF_HEAD_BYTES) {
      parts.push(chunk);
      kept += chunk.length;
    }
  }
  return Buffer.concat(parts, kept).subarray(0, SNIFF_HEAD_BYTES);
}

/** A tar parser fed from an input, with what is needed to judge how the input ended. */
interface TarWalk {
  readonly entries: AsyncIterable<Entry>;
  /** Uncompressed bytes handed to the parser so far. */
  bytesIn(): number;
  /** Offset of the last byte handed over that is not zero (end blocks are all zeros). */
  lastNonZero(): number;
  early(): EarlyEnd | undefined;
  close(): void;
}

function openTar(input: TarInput): TarWalk {
  const parser = extract();
  let early: EarlyEnd | undefined;
  const bytes = input.open((end) => (early = end));
  let bytesIn = 0;
  let lastNonZero = -1;

  bytes.on('data', (chunk: Buffer) => {
    const last = lastNonZeroIndex(chunk);
    if (last >= 0) lastNonZero = bytesIn + last;
    bytesIn += chunk.length;
  });
  bytes.on('error', (error) => parser.destroy(error));
  bytes.pipe(parser);

  return {
    entries: parser,
    bytesIn: () => bytesIn,
    lastNonZero: () => lastNonZero,
    early: () => early,
    close: () => {
      bytes.destroy();
      parser.destroy();
    },
  };
}

/**
 * Turns what stopped a listing into a problem. The parser's "unexpected end" means the input
 * ran out: inside a member (an error naming the member and the byte where its content stops),
 * after the last member's content with only padding seen (a warning), or inside a header.
 */
function stopped(archive: string, error: unknown, walk: TarWalk, state: WalkState): ArchiveEvent {
  if (error instanceof InputError) return problem(archive, error.message, 'error');

  if (!isUnexpectedEnd(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    const at = { file: archive, offset: walk.bytesIn() };
    return problem(archive, new InputError(`not a valid tar archive (${detail})`, at).message);
  }

  const member = state.member;
  if (member) {
    const message =
      `the content stops at byte ${member.got} of ${member.size}: ` + 'the archive is cut short';
    const at = { file: member.name, offset: member.got };
    return problem(member.name, new InputError(message, at).message);
  }

  if (walk.lastNonZero() < state.contentEnd) return endsEarly(archive, walk.early(), walk, state);
  const at = { file: archive, offset: walk.bytesIn() };
  return problem(
    archive,
    new InputError('the archive is cut short inside a tar header', at).message,
  );
}

/**
 * A warning for an archive that stops early with every member seen complete. Whether members
 * after them are lost depends on whether the tar's closing zero blocks had begun.
 */
function endsEarly(
  archive: string,
  early: EarlyEnd | undefined,
  walk: TarWalk,
  state: WalkState,
): ArchiveEvent {
  const why = early
    ? `the gzip stream stops after ${early.compressedBytes} compressed bytes, ` +
      'before its trailer'
    : 'the tar stream stops after its last member';
  const padded = Math.ceil(state.contentEnd / BLOCK) * BLOCK;
  const atEnd = walk.lastNonZero() < state.contentEnd && walk.bytesIn() >= padded + BLOCK;
  const members = atEnd
    ? 'the tar had reached its closing blocks, so every member in it is complete'
    : 'the members listed are complete, but later ones may be missing';
  return problem(archive, `the archive ends early: ${why}; ${members}`, 'warning');
}

function lastNonZeroIndex(chunk: Buffer): number {
  for (let i = chunk.length - 1; i >= 0; i--) if (chunk[i] !== 0) return i;
  return -1;
}

function isUnexpectedEnd(error: unknown): boolean {
  return error instanceof Error && /unexpected end of data/i.test(error.message);
}

function isRegularFile(header: Header): boolean {
  return header.type === 'file' || header.type === 'contiguous-file';
}

function skipped(name: string, header: Header): ArchiveEvent {
  return { kind: 'skipped', name, reason: `a tar ${header.type} entry, not a file` };
}

function problem(name: string, message: string, severity: 'warning' | 'error' = 'error') {
  return { kind: 'problem', name, message, severity } satisfies ArchiveEvent;
}
