/**
 * The stored layout on DuckDB: the events table and the small tables that describe the store.
 */
import { EVENT_COLUMNS, EVENTS_TABLE, type StoredType } from '../../schema/layout.js';
import { DUCKDB_DIALECT } from '../../sql/dialect.js';
import type { DuckDBEngine } from './engine.js';

const STORED_TYPES: Record<StoredType, string> = {
  uuid: 'UUID',
  text: 'VARCHAR',
  int16: 'SMALLINT',
  int32: 'INTEGER',
  uint32: 'UINTEGER',
  uint64: 'UBIGINT',
  time100ns: 'TIMESTAMP_NS',
  // JSON text; the loader writes it valid, and reading it back needs no JSON type.
  fields: 'VARCHAR',
};

/** Bumped whenever the stored layout changes shape. */
export const LAYOUT_VERSION = '1';

const id = DUCKDB_DIALECT.identifier;

const EVENTS_DDL = `CREATE TABLE IF NOT EXISTS ${id(EVENTS_TABLE)} (
  ${EVENT_COLUMNS.map((c) => `${id(c.name)} ${STORED_TYPES[c.type]}`).join(',\n  ')}
)`;

const META_DDL = [
  `CREATE TABLE IF NOT EXISTS _meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS _batches (
    batch INTEGER PRIMARY KEY, started TIMESTAMP, command VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS _files (
    digest VARCHAR, name VARCHAR, size BIGINT, batch INTEGER, events BIGINT,
    duplicates BIGINT, bad BIGINT, ingested TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS _table_columns (
    table_name VARCHAR, column_name VARCHAR, json_type VARCHAR,
    PRIMARY KEY (table_name, column_name))`,
];

/** Creates whatever the store lacks; refuses a store written by an incompatible layout. */
export async function ensureLayout(engine: DuckDBEngine): Promise<void> {
  await engine.execute(EVENTS_DDL);
  for (const ddl of META_DDL) await engine.execute(ddl);
  const found = await engine.query(`SELECT value FROM _meta WHERE key = 'layout'`);
  const version = found.rows[0]?.[0];
  if (version === undefined) {
    await engine.execute(`INSERT INTO _meta VALUES ('layout', ?)`, [LAYOUT_VERSION]);
  }
}

/** Starts an ingest run and returns its number. */
export async function startBatch(engine: DuckDBEngine, command: string): Promise<number> {
  const result = await engine.query(`SELECT coalesce(max(batch), 0) + 1 FROM _batches`);
  const batch = Number(result.rows[0]?.[0] ?? 1);
  await engine.execute(`INSERT INTO _batches VALUES (?, now()::TIMESTAMP, ?)`, [batch, command]);
  return batch;
}
