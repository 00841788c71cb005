/**
 * Conversion between DuckDB's values and types and Quarry's: every result reaches the rest of
 * Quarry as plain values with Kusto types, whatever engine produced it.
 */
import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBIntervalValue,
  DuckDBListValue,
  DuckDBArrayValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  DuckDBUUIDValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { Duration, Instant, type Value } from '../engine.js';
import type { ScalarType } from '../../plan/types.js';

const SCALAR_OF_TYPE_ID: Partial<Record<DuckDBTypeId, ScalarType>> = {
  [DuckDBTypeId.BOOLEAN]: 'bool',
  [DuckDBTypeId.TINYINT]: 'int',
  [DuckDBTypeId.SMALLINT]: 'int',
  [DuckDBTypeId.INTEGER]: 'int',
  [DuckDBTypeId.UTINYINT]: 'int',
  [DuckDBTypeId.USMALLINT]: 'int',
  [DuckDBTypeId.UINTEGER]: 'long',
  [DuckDBTypeId.BIGINT]: 'long',
  [DuckDBTypeId.UBIGINT]: 'long',
  [DuckDBTypeId.HUGEINT]: 'long',
  [DuckDBTypeId.UHUGEINT]: 'long',
  [DuckDBTypeId.FLOAT]: 'real',
  [DuckDBTypeId.DOUBLE]: 'real',
  [DuckDBTypeId.DECIMAL]: 'decimal',
  [DuckDBTypeId.TIMESTAMP]: 'datetime',
  [DuckDBTypeId.TIMESTAMP_S]: 'datetime',
  [DuckDBTypeId.TIMESTAMP_MS]: 'datetime',
  [DuckDBTypeId.TIMESTAMP_NS]: 'datetime',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'datetime',
  [DuckDBTypeId.DATE]: 'datetime',
  [DuckDBTypeId.INTERVAL]: 'timespan',
  [DuckDBTypeId.VARCHAR]: 'string',
  [DuckDBTypeId.UUID]: 'guid',
  [DuckDBTypeId.ENUM]: 'string',
};

/** The Kusto type a DuckDB column reads as; JSON and nested types are `dynamic`. */
export function scalarTypeOf(type: DuckDBType): ScalarType {
  if (type.typeId === DuckDBTypeId.VARCHAR && type.alias === 'JSON') return 'dynamic';
  return SCALAR_OF_TYPE_ID[type.typeId] ?? 'dynamic';
}

/** Converts one DuckDB value to a Quarry value, parsing JSON text of `dynamic` columns. */
export function toValue(value: DuckDBValue, type: ScalarType): Value {
  if (value === null || value === undefined) return null;
  if (type === 'dynamic' && typeof value === 'string') return parseJsonValue(value);
  return convert(value);
}

function convert(value: DuckDBValue): Value {
  if (value === null) return null;
  if (typeof value !== 'object') return value as Value;
  if (value instanceof DuckDBTimestampNanosecondsValue) return new Instant(value.nanos);
  if (value instanceof DuckDBTimestampValue) return new Instant(value.micros * 1000n);
  if (value instanceof DuckDBTimestampTZValue) return new Instant(value.micros * 1000n);
  if (value instanceof DuckDBTimestampMillisecondsValue)
    return new Instant(value.millis * 1_000_000n);
  if (value instanceof DuckDBTimestampSecondsValue)
    return new Instant(value.seconds * 1_000_000_000n);
  if (value instanceof DuckDBDateValue)
    return new Instant(BigInt(value.days) * 86_400_000_000_000n);
  if (value instanceof DuckDBIntervalValue) return intervalToDuration(value);
  if (value instanceof DuckDBDecimalValue) return Number(value.toString());
  if (value instanceof DuckDBUUIDValue) return value.toString();
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) {
    return value.items.map(convert);
  }
  if (value instanceof DuckDBStructValue) {
    return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, convert(v)]));
  }
  if (value instanceof DuckDBMapValue) {
    return Object.fromEntries(value.entries.map((e) => [String(convert(e.key)), convert(e.value)]));
  }
  return String(value);
}

function intervalToDuration(value: DuckDBIntervalValue): Duration {
  const days = BigInt(value.months) * 30n + BigInt(value.days);
  return new Duration((days * 86_400_000_000n + value.micros) * 1000n);
}

function parseJsonValue(text: string): Value {
  try {
    return JSON.parse(text) as Value;
  } catch {
    return text;
  }
}
