/**
 * Export shapes: how a JSON row of one export format maps onto the stored layout. Each shape
 * is a set of DuckDB SQL expressions over the row; `mapping.ts` assembles them into the one
 * statement that loads a file, so the engine parses JSON exports itself, in bulk.
 */
import { DUCKDB_DIALECT } from '../../sql/dialect.js';

/** The System columns a shape fills (see `schema/layout.ts`). */
export type SystemTarget =
  | 'TimeCreated'
  | 'Provider'
  | 'ProviderGuid'
  | 'EventSourceName'
  | 'Channel'
  | 'EventID'
  | 'Qualifiers'
  | 'Version'
  | 'Level'
  | 'Task'
  | 'Opcode'
  | 'Keywords'
  | 'Computer'
  | 'EventRecordID'
  | 'ExecutionProcessID'
  | 'ExecutionThreadID'
  | 'SystemUserID'
  | 'ActivityID'
  | 'RelatedActivityID'
  | 'Message';

/**
 * Lets a shape read values of the row. Every path a shape reads joins one structure that the
 * engine fills from each row in a single pass (`json_transform`), however many shapes there are.
 */
export interface RowAccess {
  /** The value at `path` as text (numbers and booleans as their JSON text, objects as JSON). */
  text(...path: string[]): string;
  /** The value at `path` as JSON. */
  json(...path: string[]): string;
  /** The first non-null text among several top-level keys. */
  firstText(...keys: string[]): string;
  /** True when the row has a non-null value at `path`. */
  has(...path: string[]): string;
  /** The whole row as JSON. */
  whole(): string;
  /** A JSON object of the row's values for `keys` (those present). */
  pick(keys: readonly string[]): string;
}

/** The SQL of one shape. `r` is the row (JSON text). */
export interface ShapeSql {
  readonly system: Partial<Record<SystemTarget, string>>;
  /**
   * The event data as the source gives it (JSON): its event-data object, or `ROW`, the row
   * itself, when the export puts the event data at the row's top level.
   */
  readonly data: string;
  /** Keys of `data` that are not event data: they stay out of the stored leftovers. */
  readonly dataDrop: readonly string[];
  /** Exporter fields kept beside the event, as `[name, json expression]`. */
  readonly extra: readonly (readonly [string, string])[];
  /** The vendor table of a row kept as it came, or `NULL` for Windows events. */
  readonly table: string;
}

export interface Shape {
  readonly name: string;
  /** SQL predicate over the row; shapes are tried in order. Read the row through `row`. */
  test(row: RowAccess): string;
  build(row: RowAccess, options: ShapeOptions): ShapeSql;
}

/** What the loader knows when it builds a statement. */
export interface ShapeOptions {
  /** Zone for times written without an offset. */
  readonly inputTz: string;
  /** True when the user named the zone; otherwise exports that reveal their offset use it. */
  readonly inputTzExplicit: boolean;
}

/** `ShapeSql.data` for exports whose event data is the row itself. */
export const ROW = 'ROW';

/** A JSON path selecting `segments` one below the other, each quoted. */
export function jsonPath(segments: readonly string[]): string {
  return (
    '$' + segments.map((s) => `."${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join('')
  );
}

/** A SQL string literal. */
export const str = (text: string): string => DUCKDB_DIALECT.literal(text);

/** SQL testing that the row has every one of `keys` at its top level. */
export function hasKeys(row: RowAccess, ...keys: string[]): string {
  return keys.map((key) => row.has(key)).join(' AND ');
}

/** Text to integer, tolerating hex (`0x1f`) and empty strings. */
export function toInt(text: string, type = 'BIGINT'): string {
  return `TRY_CAST(NULLIF(trim(${text}), '') AS ${type})`;
}

/** Keywords as an unsigned 64-bit mask, from hex text or a signed decimal (as NXLog writes). */
export function toKeywords(text: string): string {
  return (
    `CASE WHEN starts_with(${text}, '-') THEN TRY_CAST(TRY_CAST(${text} AS HUGEINT) + ` +
    `18446744073709551616::HUGEINT AS UBIGINT) ELSE TRY_CAST(${text} AS UBIGINT) END`
  );
}

/**
 * A timestamp text to UTC with 100 ns precision. Text with an offset (`Z`, `+02:00`) means
 * what it says; text without one is wall-clock time in `zone` (an SQL expression).
 */
export function toTime(text: string, zone: string): string {
  const parsed = `coalesce(TRY_CAST(${text} AS TIMESTAMP_NS), ${usFormat(text)})`;
  // A cast reads an offset when there is one and takes UTC when there is none.
  if (zone === str('UTC')) return parsed;
  return (
    `CASE WHEN regexp_matches(${text}, '(Z|[+-][0-9]{2}:?[0-9]{2})$') ` +
    `THEN TRY_CAST(${text} AS TIMESTAMP_NS) ELSE ${localToUtc(parsed, zone)} END`
  );
}

function usFormat(text: string): string {
  return (
    `try_strptime(${text}, ['%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %H:%M:%S', ` +
    `'%m/%d/%Y %I:%M:%S.%f %p'])::TIMESTAMP_NS`
  );
}

/** Wall-clock time in `zone` to UTC, keeping the nanoseconds that interval arithmetic drops. */
export function localToUtc(local: string, zone: string): string {
  if (zone === str('UTC')) return local;
  const us = `(${local})::TIMESTAMP`;
  const offsetUs = `(epoch_us(timezone(${zone}, ${us})::TIMESTAMP) - epoch_us(${us}))`;
  return `make_timestamp_ns(epoch_ns(${local}) + ${offsetUs} * 1000)`;
}

/** Local time shifted by a whole number of minutes to UTC. */
export function shiftMinutes(local: string, minutes: string): string {
  return `make_timestamp_ns(epoch_ns(${local}) - (${minutes})::BIGINT * 60000000000)`;
}
