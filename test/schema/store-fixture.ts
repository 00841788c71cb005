/**
 * A tiny in-memory store for the view tests: a handful of events written the way ingest
 * writes them (promoted fields copied into their columns, the event data kept in EventData).
 */
import { DuckDBEngine } from '../../src/engine/duckdb/engine.js';
import { ensureLayout } from '../../src/engine/duckdb/layout.js';
import { PROMOTED_FIELDS } from '../../src/schema/layout.js';
import { SAMPLE_EVENTS, type Json, type StoredEvent } from './sample-events.js';

export * from './sample-events.js';

/** An empty in-memory store with the events table and its companions. */
export async function openStore(): Promise<DuckDBEngine> {
  const engine = await DuckDBEngine.open({ path: ':memory:' });
  await engine.execute(`SET TimeZone = 'UTC'`);
  await ensureLayout(engine);
  return engine;
}

/** Writes one event, copying promoted fields into their columns as ingest does. */
export async function insertEvent(engine: DuckDBEngine, event: StoredEvent): Promise<void> {
  const promoted = event.table
    ? {}
    : Object.fromEntries(
        PROMOTED_FIELDS.filter((f) => typeof event.data[f] === 'string').map((f) => [
          f,
          event.data[f],
        ]),
      );
  const values: Json = {
    _ItemId: event.id,
    _Table: event.table ?? null,
    _Batch: 1,
    _Source: 'fixture',
    _Format: event.format,
    ...event.system,
    ...promoted,
    EventData: JSON.stringify(event.data),
    Extra: event.extra ? JSON.stringify(event.extra) : null,
  };
  const names = Object.keys(values);
  const columns = names.map((n) => `"${n}"`).join(', ');
  const placeholders = names.map(() => '?').join(', ');
  await engine.execute(
    `INSERT INTO events (${columns}) VALUES (${placeholders})`,
    names.map((n) => param(values[n])),
  );
}

function param(value: unknown): string | number | bigint | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return String(value);
}

/** Records the columns of rows kept whole, as ingest does after a load. */
export async function recordKeptColumns(engine: DuckDBEngine): Promise<void> {
  await engine.execute(
    `INSERT OR REPLACE INTO _table_columns
     SELECT _Table, key, json_type(EventData, '$."' || key || '"')
     FROM (SELECT _Table, EventData, unnest(json_keys(EventData)) AS key
           FROM events WHERE _Table IS NOT NULL)`,
  );
}

/** A store holding every sample event. */
export async function sampleStore(): Promise<DuckDBEngine> {
  const engine = await openStore();
  for (const event of SAMPLE_EVENTS) await insertEvent(engine, event);
  await recordKeptColumns(engine);
  return engine;
}
