/**
 * Opening the DuckDB store. One process at a time may hold a database file read-write, and
 * while it does nobody else can open it at all, so commands hold the store only while they
 * work and a lock error names the process that holds it.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreError } from '../../errors.js';

/** How a command wants the store. */
export interface OpenOptions {
  /** The database file, or `:memory:`. */
  readonly path: string;
  readonly readOnly?: boolean;
  /** Folders the engine may read files from (ingest's inputs and its spill folder). */
  readonly allowedDirectories?: readonly string[];
  /** DuckDB memory limit, such as `512MB`. */
  readonly memoryLimit?: string;
  readonly threads?: number;
  /** Where DuckDB spills when a statement outgrows memory. */
  readonly tempDirectory?: string;
}

/** Opens the database file, turning DuckDB's lock error into one that names the holder. */
export async function openInstance(options: OpenOptions): Promise<DuckDBInstance> {
  const config: Record<string, string> = {};
  if (options.readOnly) config.access_mode = 'READ_ONLY';
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.threads) config.threads = String(options.threads);
  if (options.tempDirectory) config.temp_directory = options.tempDirectory;

  try {
    return await DuckDBInstance.create(options.path, config);
  } catch (error) {
    throw storeOpenError(options.path, error);
  }
}

function storeOpenError(path: string, error: unknown): StoreError {
  const message = error instanceof Error ? error.message : String(error);
  const holder = /PID (\d+)/.exec(message);
  if (holder) {
    const pid = Number(holder[1]);
    return new StoreError(
      `the store ${path} is in use by process ${pid} (${describeProcess(pid)}); ` +
        'try again when it has finished',
      { cause: error },
    );
  }
  return new StoreError(`cannot open the store ${path}: ${firstLine(message)}`, { cause: error });
}

function describeProcess(pid: number): string {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return cmdline.join(' ') || 'unknown command';
  } catch {
    return 'unknown command';
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
