/**
 * Time inside the demo. Every moment is a whole number of 100 ns ticks since the start of the
 * window, so that arithmetic stays exact and a run is the same wherever it happens; only the
 * writers below turn ticks into the text Windows and Sentinel use.
 */

/** Ticks (100 ns) in one millisecond, second, minute, hour and day. */
export const MS = 10_000;
export const SECOND = 1_000 * MS;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/**
 * The demo window: `days` days ending at the anchor, and the estate's office clock, which runs
 * at a fixed offset from UTC. Activity follows the office clock, so moving the anchor by whole
 * days moves every event by exactly that much.
 */
export class Clock {
  /** The window's first instant, in milliseconds since 1970 UTC. */
  readonly startMs: number;
  /** The window's length in ticks; moments run from 0 (inclusive) to this (exclusive). */
  readonly length: number;
  private readonly dates = new Map<number, string>();

  constructor(
    readonly anchorMs: number,
    readonly days: number,
    readonly utcOffsetMinutes: number,
  ) {
    this.startMs = anchorMs - days * MS_PER_DAY;
    this.length = days * DAY;
  }

  /** ISO 8601 UTC with seven fraction digits: `2026-12-03T14:05:09.1234567Z`. */
  iso(at: number): string {
    const whole = Math.floor(at / MS);
    const ms = this.startMs + whole;
    const fraction = (ms - Math.floor(ms / 1_000) * 1_000) * MS + (at - whole * MS);
    return `${this.dateAndTime(ms, 'T')}.${String(fraction).padStart(7, '0')}Z`;
  }

  /** The form Sysmon writes in `UtcTime`: `2026-12-03 14:05:09.123`. */
  sysmonTime(at: number): string {
    const ms = this.millis(at);
    const millis = ms - Math.floor(ms / 1_000) * 1_000;
    return `${this.dateAndTime(ms, ' ')}.${String(millis).padStart(3, '0')}`;
  }

  /** Whole seconds since 1970 UTC at a moment, as Sysmon folds into its GUIDs. */
  epochSeconds(at: number): number {
    return Math.floor(this.millis(at) / 1_000);
  }

  /** The hour of the office day at a moment, with its fraction: 13.5 is half past one. */
  officeHour(at: number): number {
    const localMs = this.millis(at) + this.utcOffsetMinutes * 60_000;
    const intoDay = ((localMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
    return intoDay / MS_PER_HOUR;
  }

  /** The moments of every office midnight from the last one before the window to its end. */
  officeMidnights(): number[] {
    const offsetMs = this.utcOffsetMinutes * 60_000;
    const firstMs = Math.floor((this.startMs + offsetMs) / MS_PER_DAY) * MS_PER_DAY - offsetMs;
    const midnights: number[] = [];
    for (let ms = firstMs; ms < this.anchorMs; ms += MS_PER_DAY) {
      midnights.push((ms - this.startMs) * MS);
    }
    return midnights;
  }

  /** The moments at which each whole UTC hour overlapping the window begins. */
  hours(): number[] {
    const firstMs = Math.floor(this.startMs / MS_PER_HOUR) * MS_PER_HOUR;
    const hours: number[] = [];
    for (let ms = firstMs; ms < this.anchorMs; ms += MS_PER_HOUR) {
      hours.push((ms - this.startMs) * MS);
    }
    return hours;
  }

  /** True when a moment lies inside the window. */
  contains(at: number): boolean {
    return at >= 0 && at < this.length;
  }

  /** Milliseconds since 1970 UTC at a moment, the fraction below dropped. */
  private millis(at: number): number {
    return this.startMs + Math.floor(at / MS);
  }

  /** `2026-12-03T14:05:09` for the second holding `ms`; dates are worked out once per day. */
  private dateAndTime(ms: number, separator: string): string {
    const day = Math.floor(ms / MS_PER_DAY);
    let date = this.dates.get(day);
    if (date === undefined) {
      date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      this.dates.set(day, date);
    }

    const seconds = Math.floor((ms - day * MS_PER_DAY) / 1_000);
    const hh = Math.floor(seconds / 3_600);
    const mm = Math.floor(seconds / 60) % 60;
    return `${date}${separator}${two(hh)}:${two(mm)}:${two(seconds % 60)}`;
  }
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
