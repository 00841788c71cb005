/**
 * ClickHouse's dialect: how names, constants and types are written for ClickHouse 18.16 and
 * later. ClickHouse takes no query parameters, so this literal encoder is the one place a
 * value becomes SQL text for it.
 */
import { InternalError } from '../errors.js';
import type { ScalarType } from '../plan/types.js';
import type { Dialect } from './dialect.js';

/**
 * Kusto types as ClickHouse types. Every Kusto scalar can be null, so every type is
 * `Nullable`: `CAST(NULL AS String)` is an error in ClickHouse. Booleans are `UInt8` (18.16
 * has no boolean type); dynamic values are JSON text.
 */
const CLICKHOUSE_TYPES: Record<ScalarType, string> = {
  bool: 'Nullable(UInt8)',
  int: 'Nullable(Int32)',
  long: 'Nullable(Int64)',
  real: 'Nullable(Float64)',
  decimal: 'Nullable(Decimal(38, 10))',
  datetime: 'Nullable(DateTime)',
  timespan: 'Nullable(Int64)',
  string: 'Nullable(String)',
  guid: 'Nullable(UUID)',
  dynamic: 'Nullable(String)',
};

/** ClickHouse's dialect. */
export const CLICKHOUSE_DIALECT: Dialect = {
  name: 'clickhouse',
  identifier: (name) => `\`${escape(name, '`')}\``,
  literal: (value) => clickhouseLiteral(value),
  typeName: (type) => CLICKHOUSE_TYPES[type],
};

function clickhouseLiteral(value: string | number | bigint | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InternalError(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${escape(value, "'")}'`;
}

/** Backslash-escapes backslashes and the quote. NUL is refused, as DuckDB's dialect refuses it. */
function escape(text: string, quote: '`' | "'"): string {
  if (text.includes('\0')) throw new InternalError('ClickHouse SQL text cannot hold NUL');
  return text.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`);
}
