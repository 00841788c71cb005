/**
 * The Engine interface: where plans run as SQL. DuckDB is the embedded default; a ClickHouse
 * engine implements the same interface for clusters.
 */
import type { ScalarType } from '../plan/types.js';

/** A point in time with Windows' and Kusto's 100 ns precision, as nanoseconds since 1970 UTC. */
export class Instant {
  constructor(readonly epochNs: bigint) {}

  static fromMillis(ms: number): Instant {
    return new Instant(BigInt(Math.round(ms)) * 1_000_000n);
  }

  /** Milliseconds since the epoch (the fraction below 1 ms is dropped). */
  get epochMs(): number {
    return Number(this.epochNs / 1_000_000n);
  }

  toJSON(): string {
    return new Date(this.epochMs).toISOString();
  }
}

/** A duration (Kusto `timespan`) in nanoseconds. */
export class Duration {
  constructor(readonly ns: bigint) {}
}

/** A value in a result row, already converted from the engine's own representation. */
export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | Instant
  | Duration
  | readonly Value[]
  | { readonly [key: string]: Value };

export interface ResultColumn {
  readonly name: string;
  readonly type: ScalarType;
}

/** Rows back from the engine, with column names and Kusto types. */
export interface ResultSet {
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly Value[])[];
}

/** A value bound to a statement parameter. */
export type Param = string | number | bigint | boolean | null;

/** The engine a command works on. */
export interface Engine {
  readonly name: 'duckdb' | 'clickhouse';
  /** Runs a statement, binding `params` to its `?` placeholders, and returns its rows. */
  query(sql: string, params?: readonly Param[]): Promise<ResultSet>;
  /** Runs a statement for its effect. */
  execute(sql: string, params?: readonly Param[]): Promise<void>;
  close(): Promise<void>;
}
