/**
 * The store's inventory: which tables and views exist, their columns with Kusto types, and
 * for each its rows, time range, hosts and sources.
 */
import type { DuckDBEngine } from '../engine/duckdb/engine.js';
import type { ResultSet, Value } from '../engine/engine.js';
import type { ScalarType } from '../plan/types.js';
import { DUCKDB_DIALECT } from '../sql/dialect.js';

/** A table or view an analyst can query. */
export interface Relation {
  /** As a query names it: `SecurityEvent`, `splunk.windows`. */
  readonly name: string;
  readonly kind: 'table' | 'view';
  readonly columns: readonly { readonly name: string; readonly type: ScalarType }[];
}

const TIME_COLUMNS = ['TimeGenerated', 'Timestamp', '_time', 'TimeCreated'];
const HOST_COLUMNS = ['Computer', 'DeviceName', 'host', 'HostName'];
const SOURCE_COLUMNS = [
  'Channel',
  'EventLog',
  'source',
  'DeviceProduct',
  'Source',
  'EventSourceName',
  'Provider',
  'Type',
];

/** DuckDB type names to Kusto's. */
function scalarOf(duckdbType: string): ScalarType {
  const t = duckdbType.toUpperCase();
  if (t === 'JSON' || t.endsWith('[]') || t.startsWith('STRUCT') || t.startsWith('MAP'))
    return 'dynamic';
  if (t.startsWith('TIMESTAMP') || t === 'DATE') return 'datetime';
  if (t === 'BOOLEAN') return 'bool';
  if (['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT'].includes(t)) return 'int';
  if (['BIGINT', 'UINTEGER', 'UBIGINT', 'HUGEINT'].includes(t)) return 'long';
  if (t === 'DOUBLE' || t === 'FLOAT') return 'real';
  if (t.startsWith('DECIMAL')) return 'decimal';
  if (t === 'INTERVAL') return 'timespan';
  if (t === 'UUID') return 'guid';
  return 'string';
}

/** Every table and view but Quarry's own bookkeeping (names starting with `_`). */
export async function listRelations(engine: DuckDBEngine): Promise<Relation[]> {
  const result = await engine.query(
    `SELECT c.schema_name, c.table_name, c.column_name, c.data_type,
            CASE WHEN v.view_name IS NULL THEN 'table' ELSE 'view' END
     FROM duckdb_columns() c
     LEFT JOIN duckdb_views() v ON v.schema_name = c.schema_name AND v.view_name = c.table_name
     WHERE c.database_name = current_database() AND NOT starts_with(c.table_name, '_')
       AND c.schema_name IN ('main', 'splunk')
     ORDER BY c.schema_name, c.table_name, c.column_index`,
  );
  const relations = new Map<
    string,
    { name: string; kind: 'table' | 'view'; columns: Relation['columns'][number][] }
  >();
  for (const [schema, table, column, type, kind] of result.rows) {
    const name = schema === 'main' ? String(table) : `${schema}.${table}`;
    let relation = relations.get(name);
    if (!relation) {
      relation = { name, kind: kind === 'view' ? 'view' : 'table', columns: [] };
      relations.set(name, relation);
    }
    relation.columns.push({ name: String(column), type: scalarOf(String(type)) });
  }
  return [...relations.values()];
}

function sqlName(name: string): string {
  return name.split('.').map(DUCKDB_DIALECT.identifier).join('.');
}

function firstPresent(relation: Relation, names: readonly string[]): string | undefined {
  return names.find((n) => relation.columns.some((c) => c.name === n));
}

/** One row per relation: rows, time range, hosts and sources. */
export async function inventory(
  engine: DuckDBEngine,
  relations: readonly Relation[],
): Promise<ResultSet> {
  const rows: Value[][] = [];
  for (const relation of relations) rows.push(await describe(engine, relation));
  return {
    columns: [
      { name: 'Table', type: 'string' },
      { name: 'Kind', type: 'string' },
      { name: 'Rows', type: 'long' },
      { name: 'From', type: 'datetime' },
      { name: 'To', type: 'datetime' },
      { name: 'Hosts', type: 'long' },
      { name: 'TopHosts', type: 'dynamic' },
      { name: 'Sources', type: 'dynamic' },
      { name: 'Columns', type: 'long' },
    ],
    rows,
  };
}

async function describe(engine: DuckDBEngine, relation: Relation): Promise<Value[]> {
  const id = DUCKDB_DIALECT.identifier;
  const time = firstPresent(relation, TIME_COLUMNS);
  const host = firstPresent(relation, HOST_COLUMNS);
  const source = firstPresent(relation, SOURCE_COLUMNS);
  const parts = [
    'count(*)',
    time ? `min(${id(time)}), max(${id(time)})` : 'NULL, NULL',
    host ? `count(DISTINCT ${id(host)})` : 'NULL',
    host
      ? `(SELECT list(h ORDER BY n DESC, h)[1:5] FROM (SELECT ${id(host)} AS h, count(*) AS n ` +
        `FROM ${sqlName(relation.name)} WHERE ${id(host)} IS NOT NULL GROUP BY h))`
      : 'NULL',
    source
      ? `(SELECT list(s ORDER BY n DESC, s)[1:8] FROM (SELECT ${id(source)}::VARCHAR AS s, ` +
        `count(*) AS n FROM ${sqlName(relation.name)} WHERE ${id(source)} IS NOT NULL GROUP BY s))`
      : 'NULL',
  ];
  const result = await engine.query(`SELECT ${parts.join(', ')} FROM ${sqlName(relation.name)}`);
  const [count, from, to, hosts, top, sources] = result.rows[0] ?? [];
  return [
    relation.name,
    relation.kind,
    count ?? 0,
    from ?? null,
    to ?? null,
    hosts ?? null,
    top ?? null,
    sources ?? null,
    relation.columns.length,
  ];
}
