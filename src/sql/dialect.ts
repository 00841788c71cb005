/**
 * What differs between the engines' SQL: how names and literals are written and what the
 * types are called. Only a dialect's `identifier` writes a name into SQL text, and only its
 * `literal` writes a value.
 */
import { InternalError } from '../errors.js';
import type { ScalarType } from '../plan/types.js';

export interface Dialect {
  readonly name: 'duckdb' | 'clickhouse';
  /** Quotes a name so it reads back exactly, whatever characters it holds. */
  identifier(name: string): string;
  /** Writes a constant as SQL text. */
  literal(value: string | number | bigint | boolean | null): string;
  /** The engine's type for a Kusto scalar type. */
  typeName(type: ScalarType): string;
}

const DUCKDB_TYPES: Record<ScalarType, string> = {
  bool: 'BOOLEAN',
  int: 'INTEGER',
  long: 'BIGINT',
  real: 'DOUBLE',
  decimal: 'DECIMAL(38, 10)',
  datetime: 'TIMESTAMP_NS',
  timespan: 'INTERVAL',
  string: 'VARCHAR',
  guid: 'UUID',
  dynamic: 'JSON',
};

/** DuckDB's dialect. */
export const DUCKDB_DIALECT: Dialect = {
  name: 'duckdb',
  identifier: (name) => {
    if (name.includes('\0')) throw new InternalError(`a name cannot hold NUL: ${name}`);
    return `"${name.replaceAll('"', '""')}"`;
  },
  literal: (value) => duckdbLiteral(value),
  typeName: (type) => DUCKDB_TYPES[type],
};

function duckdbLiteral(value: string | number | bigint | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return `${value}::HUGEINT`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InternalError(`not a finite number: ${value}`);
    return Number.isInteger(value) ? String(value) : `${value}::DOUBLE`;
  }
  if (value.includes('\0')) throw new InternalError('a string literal cannot hold NUL');
  return `'${value.replaceAll("'", "''")}'`;
}
