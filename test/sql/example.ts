/**
 * What the Kusto examples share: an example's shape, the instant `now()` reads, and short
 * ways to write the calls.
 */
import { Instant } from '../../src/engine/engine.js';
import { call, instant, lit, type Expr } from '../../src/plan/expr.js';
import type { FunctionName } from '../../src/plan/functions.js';

/** The instant `now()` reads in the examples: 2023-11-14T22:13:20Z. */
export const NOW = new Instant(1_700_000_000_000_000_000n);

/** A Kusto expression and the text `tostring` gives of its result. */
export interface Example {
  readonly name: string;
  readonly expr: Expr;
  /** The result as `tostring` writes it; `null` for a null result. */
  readonly text: string | null;
  /** Why the example does not run on ClickHouse 18.16, when it does not. */
  readonly notOnClickHouse?: string;
}

export const SECOND = 1_000_000_000n;
export const MINUTE = 60n * SECOND;
export const HOUR = 60n * MINUTE;
export const DAY = 24n * HOUR;

export const s = (text: string): Expr => lit(text);
export const dt = (iso: string): Expr => instant(iso);
export const f = (fn: FunctionName, ...args: Expr[]): Expr => call(fn, ...args);
export const not = (expr: Expr): Expr => call('not', expr);
export const nullOf = (type: 'long' | 'string' | 'datetime'): Expr => lit(null, type);

/** An example every engine runs. */
export const example = (name: string, expr: Expr, text: string | null): Example => ({
  name,
  expr,
  text,
});

/** An example that runs on DuckDB only, for `reason`. */
const duckdbOnly =
  (reason: string) =>
  (name: string, expr: Expr, text: string | null): Example => ({
    name,
    expr,
    text,
    notOnClickHouse: reason,
  });

/** An example that needs a fraction of a second in a datetime. */
export const fine = duckdbOnly('a ClickHouse 18.16 DateTime holds whole seconds');

/** An example with a datetime before 1970. */
export const early = duckdbOnly('a ClickHouse 18.16 DateTime starts in 1970');

/** An example that reads a JSON object. */
export const json = duckdbOnly('ClickHouse 18.16 has no property access on JSON objects');
