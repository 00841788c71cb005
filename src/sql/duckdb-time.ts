/**
 * Datetime and timespan arithmetic on DuckDB. Datetimes are `TIMESTAMP_NS`, timespans
 * `INTERVAL`s, which keep microseconds. DuckDB's own `TIMESTAMP_NS + INTERVAL` answers in
 * microseconds, so every datetime computed here goes through `epoch_ns` and
 * `make_timestamp_ns`, integers of nanoseconds, and keeps Windows' and Kusto's 100 ns. A timespan
 * constant is used as its exact nanoseconds.
 */
import type { Call, Expr } from '../plan/expr.js';
import type { SqlCompiler } from './compile.js';
import { floorDiv, literalInstantNanos, literalInteger, literalNanos } from './literals.js';
import { exprType } from './expr-type.js';
import {
  isCalendarUnit,
  UNIT_MONTHS,
  UNIT_NANOS,
  WEEK_OFFSET_NANOS,
  type TimeUnit,
} from './time-units.js';

const DAY = UNIT_NANOS.day;

export class DuckDBTime {
  constructor(private readonly c: SqlCompiler) {}

  /**
   * A timespan as nanoseconds: exact for a constant and for a difference of datetimes, from
   * the interval's microseconds else.
   */
  spanNanos(span: Expr): string {
    const ns = literalNanos(span);
    if (ns !== undefined) return this.c.integer(ns);
    if (isDatetimeDifference(span)) {
      const [a, b] = span.args;
      return `(${this.instantNanos(a!)} - ${this.instantNanos(b!)})`;
    }
    return `(epoch_us(${this.c.compile(span)}) * 1000)`;
  }

  /** A datetime as nanoseconds since 1970. */
  instantNanos(value: Expr): string {
    const ns = literalInstantNanos(value);
    return ns !== undefined ? this.c.integer(ns) : `epoch_ns(${this.c.compile(value)})`;
  }

  /** A datetime from nanoseconds since 1970. */
  fromNanos(ns: string): string {
    return `make_timestamp_ns(${ns})`;
  }

  /** A timespan from nanoseconds, truncated to the microseconds an interval holds. */
  spanFromNanos(ns: string): string {
    return `to_microseconds(${ns} // 1000)`;
  }

  /** `x` rounded down to a multiple of `size` (both integers, `size` positive). */
  floorTo(x: string, size: string): string {
    return `(${x} - ((${x} % ${size}) + ${size}) % ${size})`;
  }

  /** `x` divided by `size`, rounded down. */
  floorDiv(x: string, size: string): string {
    return `(${this.floorTo(x, size)} // ${size})`;
  }

  shift(value: Expr, span: Expr, sign: 1 | -1): string {
    const [at, by] = [literalInstantNanos(value), literalNanos(span)];
    if (at !== undefined && by !== undefined) return this.c.datetimeLiteral(at + BigInt(sign) * by);
    const operator = sign === 1 ? '+' : '-';
    return this.fromNanos(`${this.instantNanos(value)} ${operator} ${this.spanNanos(span)}`);
  }

  difference(a: Expr, b: Expr): string {
    return this.spanFromNanos(`(${this.instantNanos(a)} - ${this.instantNanos(b)})`);
  }

  /** A timespan times or divided by a number, truncated towards zero as Kusto's ticks are. */
  scale(span: Expr, factor: Expr, op: '*' | '/'): string {
    const divisor = op === '/' && factor.kind !== 'Literal';
    const by = divisor ? `NULLIF(${this.c.compile(factor)}, 0)` : this.c.compile(factor);
    const micros = `(${this.spanNanos(span)} / 1000 ${op} ${by})`;
    return `to_microseconds(CAST(trunc(${micros}) AS BIGINT))`;
  }

  ratio(a: Expr, b: Expr): string {
    return `(${this.spanNanos(a)} / ${this.spanNanos(b)})`;
  }

  /** Rounds down to a multiple of `size`; null for a size that is null, zero or negative. */
  bin(value: string, size: Expr, wrap: (ns: string) => string, nullType: string): string {
    const constant = literalNanos(size);
    if (constant !== undefined) {
      return constant > 0n ? wrap(this.floorTo(value, this.c.integer(constant))) : nullType;
    }
    const ns = this.spanNanos(size);
    return `CASE WHEN ${ns} > 0 THEN ${wrap(this.floorTo(value, ns))} END`;
  }

  /**
   * `datetime_add`. Calendar periods move the date and keep the time of day: the shift is the
   * days between the date and the date some months on, which DuckDB's `DATE + INTERVAL`
   * counts with month ends clamped (January 31 plus a month is February's last day).
   */
  addPeriods(unit: TimeUnit, amount: Expr, value: Expr): string {
    const ns = this.instantNanos(value);
    const constant = literalInteger(amount);
    const count =
      constant !== undefined ? String(constant) : `CAST(${this.c.compile(amount)} AS BIGINT)`;
    if (!isCalendarUnit(unit)) {
      const shift =
        constant !== undefined
          ? this.c.integer(constant * UNIT_NANOS[unit])
          : `${count} * ${this.c.integer(UNIT_NANOS[unit])}`;
      return this.fromNanos(`${ns} + ${shift}`);
    }
    const date = `CAST(${this.fromNanos(this.floorTo(ns, this.c.integer(DAY)))} AS DATE)`;
    const months =
      constant !== undefined
        ? `to_months(${constant * BigInt(UNIT_MONTHS[unit])})`
        : `to_months(${count} * ${UNIT_MONTHS[unit]})`;
    const shift = `(epoch_us(${date} + ${months}) - epoch_us(${date}))`;
    return this.fromNanos(`${ns} + ${shift} * 1000`);
  }

  /**
   * `datetime_diff`: how many period boundaries lie between `b` and `a`. Fixed periods count
   * multiples since 1970 (weeks since a Sunday); calendar periods count months.
   */
  countBoundaries(unit: TimeUnit, a: Expr, b: Expr): string {
    if (isCalendarUnit(unit)) {
      const index = (value: Expr) => this.monthIndex(this.c.compile(value), unit);
      return `(${index(a)} - ${index(b)})`;
    }
    const size = UNIT_NANOS[unit];
    const offset = unit === 'week' ? WEEK_OFFSET_NANOS : 0n;
    if (size === 1n) return `(${this.instantNanos(a)} - ${this.instantNanos(b)})`;
    return `(${this.periodIndex(a, size, offset)} - ${this.periodIndex(b, size, offset)})`;
  }

  /** Which period of `size` since 1970 (less `offset`) a datetime falls in. */
  private periodIndex(value: Expr, size: bigint, offset: bigint): string {
    const constant = literalInstantNanos(value);
    if (constant !== undefined) return this.c.integer(floorDiv(constant + offset, size));
    const ns = `epoch_ns(${this.c.compile(value)})`;
    const shifted = offset === 0n ? ns : `(${ns} + ${this.c.integer(offset)})`;
    return this.floorDiv(shifted, this.c.integer(size));
  }

  /** Months (quarters, years) since year 0, for counting calendar boundaries. */
  private monthIndex(value: string, unit: 'year' | 'quarter' | 'month'): string {
    if (unit === 'year') return `year(${value})`;
    if (unit === 'quarter') return `(year(${value}) * 4 + quarter(${value}))`;
    return `(year(${value}) * 12 + month(${value}))`;
  }

  /** `datetime_utc_to_local`: the datetime moved by the zone's offset at that instant. */
  utcToLocal(value: Expr, zone: Expr): string {
    const instant = `CAST(${this.c.compile(value)} AS TIMESTAMPTZ)`;
    const local = `timezone(${this.c.compile(zone)}, ${instant})`;
    return this.fromNanos(
      `${this.instantNanos(value)} + (epoch_us(${local}) - epoch_us(${instant})) * 1000`,
    );
  }

  /**
   * Kusto's text of a timespan, `[-][d.]hh:mm:ss[.fffffff]`, the fraction shown only when it
   * is not zero.
   */
  spanText(span: string): string {
    const us = `abs(epoch_us(${span}))`;
    const t = (value: string) => this.c.text(value);
    const when = (test: string, then: string) => `CASE WHEN ${test} THEN ${then} ELSE ${t('')} END`;
    const days = when(`${us} >= 86400000000`, `CAST(${us} // 86400000000 AS VARCHAR) || ${t('.')}`);
    const parts = [`${us} // 3600000000 % 24`, `${us} // 60000000 % 60`, `${us} // 1000000 % 60`];
    const clock = `printf(${t('%02d:%02d:%02d')}, ${parts.join(', ')})`;
    const fraction = when(`${us} % 1000000 <> 0`, `printf(${t('.%06d0')}, ${us} % 1000000)`);
    const sign = when(`epoch_us(${span}) < 0`, t('-'));
    return `(${sign} || ${days} || ${clock} || ${fraction})`;
  }
}

/** True for `a - b` of two datetimes, whose nanoseconds are exact. */
function isDatetimeDifference(expr: Expr): expr is Call {
  return (
    expr.kind === 'Call' &&
    expr.fn === 'subtract' &&
    expr.args.every((arg) => exprType(arg) === 'datetime')
  );
}
