/**
 * Datetime and timespan arithmetic on ClickHouse 18.16. Datetimes are `DateTime` values in UTC,
 * which hold whole seconds; timespans are `Int64` nanoseconds. Arithmetic that would need a
 * fraction of a second in a datetime (adding `1.5s`, binning by `500ms`, a datetime constant
 * with a fraction) raises `NotSupportedError`; a computed timespan added to a datetime loses
 * its fraction of a second, truncated towards zero.
 */
import { NotSupportedError } from '../errors.js';
import type { Expr } from '../plan/expr.js';
import type { SqlCompiler } from './compile.js';
import { literalInstantNanos, literalNanos } from './literals.js';
import { isCalendarUnit, UNIT_NANOS, WEEK_OFFSET_NANOS, type TimeUnit } from './time-units.js';

const SECOND = UNIT_NANOS.second;

/** ClickHouse's function adding each period to a `DateTime` (18.16 has no `addQuarters`). */
const ADD_FUNCTIONS: Partial<Record<TimeUnit, string>> = {
  year: 'addYears',
  month: 'addMonths',
  week: 'addWeeks',
  day: 'addDays',
  hour: 'addHours',
  minute: 'addMinutes',
  second: 'addSeconds',
};

/** ClickHouse's functions numbering calendar periods. */
const CALENDAR_INDEX = {
  year: 'toYear',
  quarter: 'toRelativeQuarterNum',
  month: 'toRelativeMonthNum',
} as const;

export class ClickHouseTime {
  constructor(private readonly c: SqlCompiler) {}

  /** A whole number of seconds from nanoseconds known at compile time. */
  private seconds(ns: bigint, what: string): bigint {
    if (ns % SECOND !== 0n) throw new NotSupportedError(what, `${this.c.on} (whole seconds only)`);
    return ns / SECOND;
  }

  /** A datetime constant: a whole second within a `DateTime`'s range, 1970 to 2106. */
  literal(ns: bigint): string {
    const seconds = this.seconds(ns, 'a datetime with a fraction of a second');
    if (seconds < 0n || seconds > 0xffffffffn) {
      throw new NotSupportedError('a datetime before 1970 or after 2105', this.c.on);
    }
    return `toDateTime(${this.c.integer(seconds)}, ${this.c.text('UTC')})`;
  }

  /** A datetime as seconds since 1970. */
  private epochSeconds(value: Expr): string {
    const ns = literalInstantNanos(value);
    if (ns !== undefined)
      return this.c.integer(this.seconds(ns, 'a datetime with a fraction of a second'));
    return `toInt64(${this.c.compile(value)})`;
  }

  shift(value: Expr, span: Expr, sign: 1 | -1): string {
    const [at, by] = [literalInstantNanos(value), literalNanos(span)];
    if (at !== undefined && by !== undefined) return this.literal(at + BigInt(sign) * by);
    const seconds =
      by !== undefined
        ? this.c.integer(this.seconds(by, 'a timespan with a fraction of a second'))
        : `intDiv(${this.c.compile(span)}, ${this.c.integer(SECOND)})`;
    return `(${this.c.compile(value)} ${sign === 1 ? '+' : '-'} ${seconds})`;
  }

  difference(a: Expr, b: Expr): string {
    return `((${this.epochSeconds(a)} - ${this.epochSeconds(b)}) * ${this.c.integer(SECOND)})`;
  }

  /** A timespan times or divided by a number, truncated towards zero; null for a zero divisor. */
  scale(span: Expr, factor: Expr, op: '*' | '/'): string {
    const [s, f] = [this.c.compile(span), this.c.compile(factor)];
    const scaled = `toInt64(${s} ${op} ${f})`;
    return op === '/' && factor.kind !== 'Literal'
      ? `if(${f} = 0, NULL, toInt64(${s} / if(${f} = 0, 1, ${f})))`
      : scaled;
  }

  ratio(a: Expr, b: Expr): string {
    return `(${this.c.compile(a)} / ${this.c.compile(b)})`;
  }

  /** `bin` of a datetime: the size must be a constant number of whole seconds. */
  binDatetime(value: Expr, size: Expr): string {
    const ns = literalNanos(size);
    if (ns === undefined)
      throw new NotSupportedError('bin of a datetime by a computed size', this.c.on);
    if (ns <= 0n) return this.c.typedNull('datetime');
    const seconds = this.c.integer(this.seconds(ns, 'bin of a datetime by a fraction of a second'));
    const epoch = `toInt64(${this.c.compile(value)})`;
    return `toDateTime(intDiv(${epoch}, ${seconds}) * ${seconds}, ${this.c.text('UTC')})`;
  }

  /** `bin` of a timespan: nanoseconds rounded down to a multiple of the size. */
  binSpan(value: Expr, size: Expr): string {
    const x = this.c.compile(value);
    const ns = literalNanos(size);
    const s = ns !== undefined ? this.c.integer(ns) : this.c.compile(size);
    const floored = `(${x} - ((${x} % ${s}) + ${s}) % ${s})`;
    if (ns !== undefined) return ns > 0n ? floored : this.c.typedNull('timespan');
    // ClickHouse evaluates both branches of `if`, so the divisor is kept from being 0.
    const safe = `if(${s} > 0, ${s}, 1)`;
    return `if(${s} > 0, (${x} - ((${x} % ${safe}) + ${safe}) % ${safe}), NULL)`;
  }

  addPeriods(unit: TimeUnit, amount: Expr, value: Expr): string {
    if (unit === 'quarter') {
      return `addMonths(${this.c.compile(value)}, ${this.c.compile(amount)} * 3)`;
    }
    const add = ADD_FUNCTIONS[unit];
    if (!add)
      throw new NotSupportedError(`datetime_add of ${unit}s`, `${this.c.on} (whole seconds only)`);
    return `${add}(${this.c.compile(value)}, ${this.c.compile(amount)})`;
  }

  /**
   * `datetime_diff`: boundaries between whole-second values. Below a second the count is the
   * seconds' difference scaled, exact for values that hold no fraction.
   */
  countBoundaries(unit: TimeUnit, a: Expr, b: Expr): string {
    if (isCalendarUnit(unit)) {
      const index = (value: Expr) => `${CALENDAR_INDEX[unit]}(${this.c.compile(value)})`;
      return `(${index(a)} - ${index(b)})`;
    }
    const size = UNIT_NANOS[unit];
    const difference = `(${this.epochSeconds(a)} - ${this.epochSeconds(b)})`;
    if (size <= SECOND) return `(${difference} * ${this.c.integer(SECOND / size)})`;

    const [seconds, offset] = [size / SECOND, unit === 'week' ? WEEK_OFFSET_NANOS / SECOND : 0n];
    const index = (value: Expr) => {
      const ns = literalInstantNanos(value);
      if (ns !== undefined) return this.c.integer((ns / SECOND + offset) / seconds);
      const shifted =
        offset === 0n
          ? this.epochSeconds(value)
          : `${this.epochSeconds(value)} + ${this.c.integer(offset)}`;
      return `intDiv(${shifted}, ${this.c.integer(seconds)})`;
    };
    return `(${index(a)} - ${index(b)})`;
  }

  /** `datetime_utc_to_local`: the wall-clock text in the zone, read back as UTC. */
  utcToLocal(value: Expr, zone: Expr): string {
    if (zone.kind !== 'Literal') {
      throw new NotSupportedError('datetime_utc_to_local with a computed time zone', this.c.on);
    }
    const local = `toString(${this.c.compile(value)}, ${this.c.compile(zone)})`;
    return `toDateTime(${local}, ${this.c.text('UTC')})`;
  }

  /**
   * Kusto's text of a timespan, `[-][d.]hh:mm:ss[.fffffff]`, from nanoseconds: the fraction
   * shown to 100 ns, and only when it is not zero.
   */
  spanText(span: string): string {
    const t = (value: string) => this.c.text(value);
    const ns = `abs(${span})`;
    const pad = (value: string, width: number) =>
      `substring(toString(${value} + ${10 ** width}), 2, ${width})`;
    const dayCount = `concat(toString(intDiv(${ns}, 86400000000000)), ${t('.')})`;
    const days = `if(${ns} >= 86400000000000, ${dayCount}, ${t('')})`;
    const clock = [
      pad(`intDiv(${ns}, 3600000000000) % 24`, 2),
      pad(`intDiv(${ns}, 60000000000) % 60`, 2),
      pad(`intDiv(${ns}, 1000000000) % 60`, 2),
    ].join(`, ${t(':')}, `);
    const ticks = `intDiv(${ns}, 100) % 10000000`;
    const fraction = `if(${ticks} != 0, concat(${t('.')}, ${pad(ticks, 7)}), ${t('')})`;
    return `concat(if(${span} < 0, ${t('-')}, ${t('')}), ${days}, ${clock}, ${fraction})`;
  }
}
