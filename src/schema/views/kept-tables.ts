/**
 * Views over the rows of vendor tables Quarry keeps whole (`Syslog`, `AuditLogs`,
 * `CloudAppEvents` ...): one per table, named after it, with the columns its rows were seen
 * to have (`_table_columns`, kept up to date by ingest).
 */
import { coalesce, col, lit, rowField, type Expr } from '../../plan/expr.js';
import type { ScalarType } from '../../plan/types.js';
import { keptTable } from './exprs.js';
import type { ViewColumn, ViewDefinition } from './types.js';

/** One row of `_table_columns`. */
export interface TableColumn {
  readonly table: string;
  readonly column: string;
  /** DuckDB's `json_type` of the values seen. */
  readonly jsonType: string;
}

/** Kusto types of JSON values; a column only ever seen null reads as text. */
const TYPE_OF_JSON: Readonly<Record<string, ScalarType>> = {
  VARCHAR: 'string',
  BIGINT: 'long',
  UBIGINT: 'long',
  DOUBLE: 'real',
  BOOLEAN: 'bool',
  OBJECT: 'dynamic',
  ARRAY: 'dynamic',
  NULL: 'string',
};

/** Columns every kept table's view has, whatever its rows hold. */
const OWN_COLUMNS = new Set(['TimeGenerated', 'Type', '_ItemId']);

/** Columns that hold the row's time, read as datetimes whatever JSON type they were seen as. */
const TIME_COLUMNS = new Set(['TimeGenerated', 'Timestamp']);

/**
 * A view for each table in `columns` that none of `taken` names (compared without regard to
 * case, as the engine compares names).
 */
export function keptTableViews(
  columns: readonly TableColumn[],
  taken: readonly string[],
): ViewDefinition[] {
  const reserved = new Set(taken.map((name) => name.toLowerCase()));
  const byTable = new Map<string, TableColumn[]>();
  for (const column of columns) {
    if (reserved.has(column.table.toLowerCase())) continue;
    byTable.set(column.table, [...(byTable.get(column.table) ?? []), column]);
  }
  return [...byTable].map(([table, seen]) => keptTableView(table, seen));
}

function keptTableView(table: string, seen: readonly TableColumn[]): ViewDefinition {
  const own = seen.filter((c) => !OWN_COLUMNS.has(c.column));
  const columns: ViewColumn[] = [
    { name: 'TimeGenerated', type: 'datetime' },
    ...own.map((c) => ({ name: c.column, type: columnType(c) })),
    { name: 'Type', type: 'string' },
    { name: '_ItemId', type: 'string' },
  ];
  const values: Record<string, Expr> = {
    ...Object.fromEntries(own.map((c) => [c.column, rowField(c.column, columnType(c))])),
    TimeGenerated: col('TimeCreated'),
    Timestamp: coalesce(rowField('Timestamp', 'datetime'), col('TimeCreated')),
    Type: lit(table),
    _ItemId: col('_ItemId'),
  };
  if (!own.some((c) => c.column === 'Timestamp')) delete values.Timestamp;
  return {
    name: table,
    schema: 'main',
    description: `rows of ${table}, kept as they came`,
    columns,
    branches: [{ where: keptTable(table), values }],
  };
}

function columnType(column: TableColumn): ScalarType {
  if (TIME_COLUMNS.has(column.column)) return 'datetime';
  return TYPE_OF_JSON[column.jsonType] ?? 'string';
}
