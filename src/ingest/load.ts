/**
 * Loading one file of JSON lines into the store, in one transaction: map and insert in bulk,
 * drop what the store already held, count what landed where, and find the rows that could not
 * be stored.
 */
import type { DuckDBEngine } from '../engine/duckdb/engine.js';
import { EVENT_COLUMNS } from '../schema/layout.js';
import { landingTableSql } from '../schema/landing.js';
import { DUCKDB_DIALECT } from '../sql/dialect.js';
import { mappingQuery, readerOptions } from './mapping.js';
import type { RowSource } from './row-structure.js';
import type { ShapeOptions } from './shapes/shape.js';

/** A row that could not be stored: its ordinal among the file's rows (from 1) and why. */
export interface RejectedRow {
  readonly ordinal: number;
  readonly reason: string;
}

export interface LoadResult {
  /** Rows mapped and stored, before duplicates were dropped. */
  readonly mapped: number;
  /** Rows dropped because the store already held the event, or the file held it twice. */
  readonly duplicates: number;
  /** Stored rows per vendor table. */
  readonly tables: ReadonlyMap<string, number>;
  readonly rejected: readonly RejectedRow[];
}

export interface LoadRequest extends ShapeOptions {
  /** A file of JSON values, one per line. */
  readonly path: string;
  readonly sourceName: string;
  /** The load's number, stored in `_Batch`. */
  readonly batch: number;
  /**
   * What the writer of the file knows of it: its top-level keys and how many rows it has.
   * Without them the engine surveys the file first. Rejected rows are looked for when the file
   * has more rows than were stored.
   */
  readonly keys?: readonly string[];
  readonly rows?: number;
}

const id = DUCKDB_DIALECT.identifier;
const COLUMN_LIST = EVENT_COLUMNS.map((c) => id(c.name)).join(', ');

/** Loads one file. The caller holds no transaction; this opens and commits its own. */
export async function loadJsonLines(
  engine: DuckDBEngine,
  request: LoadRequest,
): Promise<LoadResult> {
  const survey = request.keys
    ? { keys: request.keys, rows: request.rows, malformed: false }
    : await surveyRows(engine, request.path);
  const query = mappingQuery({ ...request, rows: rowSource(survey.keys, survey.malformed) });
  await engine.execute('BEGIN TRANSACTION');
  try {
    const inserted = await insertRows(engine, query);
    const timeless = await engine.run(
      `DELETE FROM events WHERE _Batch = ? AND TimeCreated IS NULL`,
      [request.batch],
    );
    const mapped = inserted.rowsChanged - timeless.rowsChanged;
    const duplicates = await dropDuplicates(engine, request.batch);
    const tables = await countTables(engine, request.batch);
    await recordTableColumns(engine, request.batch);
    await engine.execute('COMMIT');

    const total = survey.rows ?? mapped;
    const rejected =
      total > mapped
        ? await inFileOrder(engine, () => findRejected(engine, query, request.path))
        : [];
    return { mapped, duplicates, tables, rejected };
  } catch (error) {
    await engine.execute('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Inserts the mapped rows. Should the engine run out of its memory (a file with very many
 * keys, on a busy machine), the insert is tried once more on one thread, which needs about
 * half as much.
 */
async function insertRows(engine: DuckDBEngine, query: string) {
  const insert = `INSERT INTO events (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM (${query})
    WHERE NOT _Unshaped`;
  try {
    return await engine.run(insert);
  } catch (error) {
    if (!(error instanceof Error) || !/Out of Memory/i.test(error.message)) throw error;
    await engine.execute('ROLLBACK');
    await engine.execute('BEGIN TRANSACTION');
    await engine.execute('SET threads = 1');
    try {
      return await engine.run(insert);
    } finally {
      await engine.execute('RESET threads');
    }
  }
}

/** How many rows a JSON-lines file has and every top-level key they use, in one parallel pass. */
async function surveyRows(
  engine: DuckDBEngine,
  path: string,
): Promise<{ rows: number; keys: string[]; malformed: boolean }> {
  // Rows are grouped by a hash of their key list: far cheaper than comparing the lists, and
  // two different lists sharing a 64-bit hash among the few a file has is not a real risk.
  const result = await engine.query(
    `SELECT sum(n), sum(bad), list_sort(list_distinct(flatten(list(keys))))
     FROM (SELECT count(*) AS n, count(*) FILTER (WHERE json IS NULL) AS bad,
             any_value(json_keys(json)) AS keys
           FROM read_json_objects(${readerOptions(path)}) GROUP BY hash(json_keys(json)))`,
  );
  const [rows, malformed, keys] = result.rows[0] ?? [0, 0, []];
  return {
    rows: Number(rows),
    malformed: Number(malformed) > 0,
    keys: Array.isArray(keys) ? keys.map(String) : [],
  };
}

/**
 * Rows are read as typed columns unless two keys differ only in letter case (DuckDB's column
 * names cannot tell them apart), there are very many keys, or some line is not valid JSON: the
 * typed reader may read a line cut short together with the next one, losing both.
 */
function rowSource(keys: readonly string[], malformed: boolean): RowSource {
  if (malformed) return { kind: 'text' };
  const folded = new Set(keys.map((key) => key.toLowerCase()));
  const distinct = folded.size === keys.length;
  return distinct && keys.length <= MAX_KEY_COLUMNS ? { kind: 'columns', keys } : { kind: 'text' };
}

/** Beyond this many keys a file's rows are read as text: each column costs the reader memory. */
const MAX_KEY_COLUMNS = 160;

/** Drops rows of this load that the store already held, then repeats within the load. */
async function dropDuplicates(engine: DuckDBEngine, batch: number): Promise<number> {
  const held = await engine.run(
    `DELETE FROM events WHERE _Batch = ? AND _ItemId IN (
       SELECT _ItemId FROM events WHERE _Batch <> ?
       AND _ItemId IN (SELECT _ItemId FROM events WHERE _Batch = ?))`,
    [batch, batch, batch],
  );
  const repeats = await engine.query(
    `SELECT count(*) - count(DISTINCT _ItemId) FROM events WHERE _Batch = ?`,
    [batch],
  );
  let dropped = held.rowsChanged;
  if (Number(repeats.rows[0]?.[0] ?? 0) > 0) {
    const removed = await engine.run(
      `DELETE FROM events WHERE _Batch = ? AND rowid NOT IN (
         SELECT min(rowid) FROM events WHERE _Batch = ? GROUP BY _ItemId)`,
      [batch, batch],
    );
    dropped += removed.rowsChanged;
  }
  return dropped;
}

async function countTables(engine: DuckDBEngine, batch: number): Promise<Map<string, number>> {
  const result = await engine.query(
    `SELECT ${landingTableSql()} AS t, count(*) FROM events WHERE _Batch = ? GROUP BY t ORDER BY t`,
    [batch],
  );
  return new Map(result.rows.map(([table, n]) => [String(table), Number(n)]));
}

/** Remembers the columns of rows kept whole, so their tables' views can name them. */
async function recordTableColumns(engine: DuckDBEngine, batch: number): Promise<void> {
  await engine.execute(
    `INSERT INTO _table_columns
     SELECT _Table, key, coalesce(mode(jt) FILTER (WHERE jt <> 'NULL'), 'NULL')
     FROM (SELECT _Table, key,
             json_type(EventData, '$."' || replace(key, '"', '\\"') || '"') AS jt
           FROM (SELECT _Table, EventData, unnest(json_keys(EventData)) AS key
                 FROM events WHERE _Batch = ? AND _Table IS NOT NULL))
     GROUP BY ALL
     ON CONFLICT (table_name, column_name) DO UPDATE SET json_type =
       CASE WHEN _table_columns.json_type = 'NULL' THEN excluded.json_type
            ELSE _table_columns.json_type END`,
    [batch],
  );
}

/** Row numbers follow the file only while the engine keeps rows in order. */
async function inFileOrder<T>(engine: DuckDBEngine, work: () => Promise<T>): Promise<T> {
  await engine.execute('SET preserve_insertion_order = true');
  try {
    return await work();
  } finally {
    await engine.execute('SET preserve_insertion_order = false');
  }
}

/**
 * Runs the mapping again, numbering rows, to find which ones were not stored and why; a row
 * with no recognisable shape is looked at again to tell bad JSON from a JSON value of the
 * wrong kind.
 */
async function findRejected(
  engine: DuckDBEngine,
  query: string,
  path: string,
): Promise<RejectedRow[]> {
  const result = await engine.query(
    `WITH rejected AS (
       SELECT n, _Problem FROM (SELECT row_number() OVER () AS n, _Problem FROM (${query}))
       WHERE _Problem IS NOT NULL),
     raw AS (
       SELECT row_number() OVER () AS n, json IS NULL AS bad, json_type(json) AS kind
       FROM read_json_objects(${readerOptions(path)}))
     SELECT rejected.n, CASE WHEN raw.bad THEN 'not valid JSON'
       WHEN raw.kind <> 'OBJECT' THEN 'a JSON ' || lower(raw.kind) || ', not an object'
       ELSE _Problem END
     FROM rejected JOIN raw USING (n) ORDER BY rejected.n`,
  );
  return result.rows.map(([n, reason]) => ({ ordinal: Number(n), reason: String(reason) }));
}
