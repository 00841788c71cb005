/**
 * The demo estate's telemetry: a few days of a small Windows domain going about its business,
 * with one lateral movement by WMIC hidden in it. The same options always give the same items,
 * and moving the anchor by whole days moves every item by exactly that much.
 *
 * @example
 * const demo = generateDemo({ anchor: new Date('2026-12-03T15:00:00Z') });
 * console.log(demo.story.commandLine);
 * for (const item of demo.items()) load(item);
 */
import { InputError, InternalError } from '../errors.js';
import type { ReaderItem } from '../ingest/record.js';
import { formatOffset } from '../time/zone.js';
import { ATTACK_TARGET, ATTACK_VICTIM, wmicAttack, type AttackFacts } from './attack.js';
import { machineChores } from './chores.js';
import { Clock } from './clock.js';
import { carriedSessions, type DeskSession } from './desk.js';
import { DOMAIN, OFFICE_UTC_OFFSET_MINUTES } from './estate.js';
import { legitimateInstalls } from './installs.js';
import { perimeterTraffic } from './network.js';
import { Rng } from './random.js';
import { Recorder } from './recorder.js';
import { serverWork } from './servers.js';
import { Timeline, type ItemCounts } from './timeline.js';
import { workdays } from './workdays.js';
import { World } from './world.js';

/** What to generate. */
export interface DemoOptions {
  /** The end of the window; the attack happens a few hours before it. */
  readonly anchor: Date;
  /** How many days the window spans, 1 to 14; 3 when left out. */
  readonly days?: number;
  /** Varies the activity (not the estate); 1 when left out. */
  readonly seed?: number;
}

/** The facts of the demo, for the command to print and for tests to check. */
export interface DemoStory extends AttackFacts {
  readonly window: { readonly start: string; readonly end: string };
  /** The domain's NetBIOS and DNS names. */
  readonly domain: { readonly netbios: string; readonly dns: string };
  /** The office's fixed offset from UTC, `-05:00`: the working day follows this clock. */
  readonly officeUtcOffset: string;
  readonly counts: ItemCounts & { readonly events: number; readonly rows: number };
}

/** A generated demo: its story, and its items in time order (each call starts over). */
export interface Demo {
  readonly story: DemoStory;
  items(): Iterable<ReaderItem>;
}

const DEFAULT_DAYS = 3;
const DEFAULT_SEED = 1;
const MAX_DAYS = 14;

/** Generates the demo estate's telemetry for the window ending at `options.anchor`. */
export function generateDemo(options: DemoOptions): Demo {
  const { anchorMs, days, seed } = checkOptions(options);
  const clock = new Clock(anchorMs, days, OFFICE_UTC_OFFSET_MINUTES);
  const timeline = new Timeline(clock.length);
  const world = new World(clock, new Recorder(clock, timeline), new Rng(seed));

  const carried = carriedSessions(world);
  machineChores(world);
  workdays(world, carried);
  serverWork(world);
  legitimateInstalls(world);
  perimeterTraffic(world);
  const facts = wmicAttack(world, victimSession(carried), world.machine(ATTACK_TARGET));

  const sealed = timeline.seal();
  return { story: tell(clock, facts, sealed.counts), items: sealed.items };
}

function checkOptions(options: DemoOptions): { anchorMs: number; days: number; seed: number } {
  const anchorMs = options.anchor.getTime();
  if (!Number.isFinite(anchorMs)) throw new InputError('the demo anchor is not a valid time');

  const days = options.days ?? DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw new InputError(`the demo spans 1 to ${MAX_DAYS} whole days, not ${days}`);
  }

  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) {
    throw new InputError(`the demo seed must be a whole number, not ${seed}`);
  }
  return { anchorMs, days, seed: seed >>> 0 };
}

/** The attack needs its victim at the keyboard whenever it happens: someone who never logs off. */
function victimSession(carried: ReadonlyMap<string, DeskSession>): DeskSession {
  const session = carried.get(ATTACK_VICTIM);
  if (!session) throw new InternalError(`${ATTACK_VICTIM} must keep a session open for the attack`);
  return session;
}

function tell(clock: Clock, facts: AttackFacts, counts: ItemCounts): DemoStory {
  const events = Object.values(counts.channels).reduce((sum, count) => sum + count, 0);
  const rows = Object.values(counts.devices).reduce((sum, count) => sum + count, 0);
  return {
    ...facts,
    window: { start: clock.iso(0), end: clock.iso(clock.length) },
    domain: { netbios: DOMAIN.netbios, dns: DOMAIN.dns },
    officeUtcOffset: formatOffset(OFFICE_UTC_OFFSET_MINUTES),
    counts: { ...counts, events, rows },
  };
}
