/**
 * What every part of the generator shares: the clock, the recorder, the machines, and the rhythm
 * of the office day that drives how busy everything is.
 */
import { domainAccount, type Account } from './accounts.js';
import { HOUR, type Clock } from './clock.js';
import { HOSTS, isWindows, userSpec } from './estate.js';
import { Machine } from './machine.js';
import type { Rng } from './random.js';
import type { Recorder } from './recorder.js';
import { InternalError } from '../errors.js';

/** How busy the office is in each hour of its day, from 0 (nobody) to 1 (everybody). */
const OFFICE_LOAD: readonly number[] = [
  0.02, 0.02, 0.02, 0.02, 0.03, 0.05, 0.12, 0.35, 0.8, 1, 1, 0.95, 0.7, 0.85, 1, 0.95, 0.85, 0.6,
  0.3, 0.15, 0.1, 0.06, 0.04, 0.03,
];

/** The generator's shared state. */
export class World {
  readonly machines: ReadonlyMap<string, Machine>;

  constructor(
    readonly clock: Clock,
    readonly rec: Recorder,
    readonly rng: Rng,
  ) {
    const machines = HOSTS.filter(isWindows).map(
      (spec) => [spec.name, new Machine(spec, clock, rng.fork(`machine:${spec.name}`))] as const,
    );
    this.machines = new Map(machines);
  }

  /** A Windows machine by name. */
  machine(name: string): Machine {
    const machine = this.machines.get(name);
    if (!machine) throw new InternalError(`no Windows machine named ${name}`);
    return machine;
  }

  /** Every Windows machine, servers first, in the estate's order. */
  allMachines(): Machine[] {
    return [...this.machines.values()];
  }

  /** A domain user's account. */
  account(name: string): Account {
    return domainAccount(userSpec(name));
  }

  /** How busy the office is at a moment, from 0 to 1, moving smoothly between hours. */
  busyness(at: number): number {
    const hour = this.clock.officeHour(at);
    const here = OFFICE_LOAD[Math.floor(hour) % 24] ?? 0;
    const next = OFFICE_LOAD[(Math.floor(hour) + 1) % 24] ?? 0;
    return here + (next - here) * (hour - Math.floor(hour));
  }

  /** A random moment in `[from, to)`. */
  between(rng: Rng, from: number, to: number): number {
    return from + Math.floor(rng.next() * Math.max(1, to - from));
  }

  /** Calls `step` once for every whole hour overlapping the window, with its start. */
  eachHour(step: (hour: number, end: number) => void): void {
    for (const hour of this.clock.hours()) step(hour, hour + HOUR);
  }
}
