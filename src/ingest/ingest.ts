/**
 * `quarry ingest`: every input found under the given paths is read by its format, loaded into
 * the store in bulk, and reported. A bad record, file or archive never stops the rest.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { DuckDBEngine } from '../engine/duckdb/engine.js';
import { startBatch } from '../engine/duckdb/layout.js';
import { folderOf, openForWrite } from '../engine/duckdb/store.js';
import { installViews } from '../schema/views/install.js';
import { loadInput, type InputLoad } from './load-input.js';
import type { ReaderItem } from './record.js';
import { listInputs } from './sources.js';
import { emptySummary, type IngestSummary, type InputReport } from './summary.js';

/** What the caller wants to hear while a run goes on. */
export interface IngestProgress {
  /** An input starts; `size` in bytes when known. */
  start(name: string, size?: number): void;
  /** Fraction done of the current input, 0 to 1. */
  advance(fraction: number): void;
  /** The current input is done. */
  done(report: InputReport): void;
}

export interface IngestOptions {
  /** The store file. */
  readonly store: string;
  /** IANA zone for timestamps written without an offset. */
  readonly inputTz: string;
  /** True when the user named `inputTz` (otherwise exports that reveal their offset use it). */
  readonly inputTzExplicit: boolean;
  /** The command line, recorded with the run. */
  readonly command: string;
  readonly progress?: IngestProgress;
}

/** Ingests files and folders. */
export async function ingestPaths(
  paths: readonly string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const readable = await Promise.all(paths.map(readableFolder));
  return withSession(options, readable, async (session) => {
    for await (const entry of listInputs(paths.map((p) => resolve(p)))) {
      switch (entry.kind) {
        case 'input':
          await session.load(entry);
          break;
        case 'ignored':
          session.summary.notices.push({
            name: entry.name,
            message: entry.reason,
            severity: 'info',
          });
          break;
        case 'problem':
          session.summary.notices.push(entry);
          break;
      }
    }
  });
}

/**
 * Ingests records made in this process (the demo estate) as one input named `name`, replacing
 * whatever an earlier run stored under that name.
 */
export async function ingestRecords(
  name: string,
  items: Iterable<ReaderItem> | AsyncIterable<ReaderItem>,
  options: IngestOptions,
): Promise<IngestSummary> {
  return withSession(options, [], async (session) => {
    await session.engine.execute(`DELETE FROM events WHERE _Source = ?`, [name]);
    await session.engine.execute(`DELETE FROM _files WHERE name = ?`, [name]);
    await session.loadRecords(name, items);
  });
}

async function readableFolder(path: string): Promise<string> {
  try {
    return folderOf(path, (await stat(path)).isDirectory());
  } catch {
    return folderOf(path, false);
  }
}

async function withSession(
  options: IngestOptions,
  readable: readonly string[],
  work: (session: Session) => Promise<void>,
): Promise<IngestSummary> {
  const workDir = await mkdtemp(resolve(tmpdir(), 'quarry-ingest-'));
  const engine = await openForWrite(options.store, [...readable, workDir]);
  const session = new Session(engine, options, workDir);
  try {
    await work(session);
    await installViews(engine);
    await engine.execute('CHECKPOINT');
    return session.summary;
  } finally {
    await engine.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** One ingest run over an open store. */
class Session implements InputLoad {
  readonly summary = emptySummary();
  private readonly digests = new Map<string, string>();

  constructor(
    readonly engine: DuckDBEngine,
    readonly options: IngestOptions,
    readonly workDir: string,
  ) {}

  /** Numbers each load; stored rows carry it in `_Batch`. */
  async nextBatch(): Promise<number> {
    return startBatch(this.engine, this.options.command);
  }

  /** Digests of archives, computed once per run. */
  containerDigest(name: string, compute: () => Promise<string>): Promise<string> {
    const known = this.digests.get(name);
    if (known) return Promise.resolve(known);
    return compute().then((digest) => {
      this.digests.set(name, digest);
      return digest;
    });
  }

  async load(entry: Parameters<typeof loadInput>[1]): Promise<void> {
    await loadInput(this, entry);
  }

  async loadRecords(
    name: string,
    items: Iterable<ReaderItem> | AsyncIterable<ReaderItem>,
  ): Promise<void> {
    await loadInput(this, { kind: 'records', name, items });
  }
}
