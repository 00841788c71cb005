/**
 * The two ways commands open the embedded store: to write (ingest, demo), reading files only
 * from the inputs' own folders; and to query, read-only and sealed.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreError } from '../../errors.js';
import { DuckDBEngine } from './engine.js';
import { ensureLayout } from './layout.js';

/** Memory the engine may use while loading, so that a whole ingest stays under 1 GB. */
const LOAD_MEMORY_LIMIT = '640MB';

/** The store file a command uses: `--db`, else `QUARRY_DB`, else `./quarry.duckdb`. */
export function storePath(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option ?? env.QUARRY_DB ?? 'quarry.duckdb');
}

/**
 * Opens (creating if needed) the store for writing. The engine may read files only from
 * `readable` folders (the inputs' own folders and the spill folder), and spills to a folder
 * beside the store when a load outgrows its memory.
 */
export async function openForWrite(
  path: string,
  readable: readonly string[],
): Promise<DuckDBEngine> {
  const engine = await DuckDBEngine.open({
    path,
    memoryLimit: LOAD_MEMORY_LIMIT,
    tempDirectory: `${path}.tmp`,
  });
  await engine.execute(`SET TimeZone = 'UTC'`);
  // Bulk loads buffer one row group per thread instead of several.
  await engine.execute('SET write_buffer_row_group_count = 1');
  // Loads need no order, and keeping it makes the engine buffer more while it writes.
  await engine.execute('SET preserve_insertion_order = false');
  // FSST compression (alone and after a dictionary) costs a third of a load's time.
  await engine.execute(`SET disabled_compression_methods = 'fsst,dict_fsst'`);
  const folders = [...new Set(readable.map((d) => (d.endsWith('/') ? d : `${d}/`)))];
  const list = folders.map((d) => `'${d.replaceAll("'", "''")}'`).join(', ');
  if (folders.length > 0) await engine.execute(`SET allowed_directories = [${list}]`);
  await engine.execute('SET enable_external_access = false');
  await engine.execute('SET autoinstall_known_extensions = false');
  await engine.execute('SET autoload_known_extensions = false');
  await ensureLayout(engine);
  return engine;
}

/** Opens an existing store read-only, sealed for user queries. */
export async function openForQuery(path: string): Promise<DuckDBEngine> {
  if (path !== ':memory:' && !existsSync(path)) {
    throw new StoreError(
      `there is no store at ${path}: build one with \`quarry demo\` or \`quarry ingest PATH\``,
    );
  }
  const engine = await DuckDBEngine.open({ path, readOnly: true });
  await engine.execute(`SET TimeZone = 'UTC'`);
  await engine.seal();
  return engine;
}

/** The folder a path's files live in, for `readable`. */
export function folderOf(path: string, isFolder: boolean): string {
  return isFolder ? resolve(path) : dirname(resolve(path));
}
