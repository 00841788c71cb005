/**
 * The reader interface. A reader turns one input (a file, or a member of an archive) into
 * records. JSON exports need no reader of this kind: the engine reads them itself (see
 * `load.ts`). Every other format, including binary `.evtx`, plugs in here.
 */
import type { Readable } from 'node:stream';
import type { ReaderItem } from './record.js';

/** The formats Quarry recognises by content. */
export type InputFormat = 'ndjson' | 'json' | 'xml' | 'csv' | 'evtx';

/** One input to read: a name for reports and a way to open its bytes, as often as needed. */
export interface InputSource {
  /** `path` for files, `archive.zip!member.json` for archive members. */
  readonly name: string;
  /** Opens a fresh stream of the (decompressed) bytes. */
  open(): Readable;
  /** Size in bytes when known, for progress. */
  readonly size?: number;
}

/** Options every reader honours. */
export interface ReaderOptions {
  /** IANA zone for timestamps written without an offset. */
  readonly inputTz: string;
}

/** A format decoder. */
export interface Reader {
  readonly format: InputFormat;
  /** Yields records in input order; a malformed record becomes a `bad` item and reading goes on. */
  read(source: InputSource, options: ReaderOptions): AsyncIterable<ReaderItem>;
}
