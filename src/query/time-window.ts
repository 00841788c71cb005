/**
 * `--since` and `--from`/`--to`: a time window applied to every table a query reads, on the
 * column that times its rows. There is never a default window.
 */
import { assertNever, InputError } from '../errors.js';
import { Instant } from '../engine/engine.js';
import { filter } from '../plan/build.js';
import type { Catalog } from '../plan/catalog.js';
import { and, call, col, instant } from '../plan/expr.js';
import type { Relation } from '../plan/relation.js';
import { parseInstant } from '../time/parse.js';

/** A time window; either end may be open. */
export interface TimeWindow {
  readonly from?: Instant;
  readonly to?: Instant;
}

const UNIT_NS: Record<string, bigint> = {
  d: 86_400_000_000_000n,
  h: 3_600_000_000_000n,
  m: 60_000_000_000n,
  s: 1_000_000_000n,
};

/** The window the options ask for, relative to `now`; undefined when they ask for none. */
export function timeWindow(
  options: { since?: string; from?: string; to?: string },
  now: Instant,
  zone: string,
): TimeWindow | undefined {
  if (options.since !== undefined && (options.from !== undefined || options.to !== undefined)) {
    throw new InputError('--since cannot be combined with --from or --to');
  }
  if (options.since !== undefined) return { from: new Instant(now.epochNs - span(options.since)) };
  if (options.from === undefined && options.to === undefined) return undefined;
  return {
    ...(options.from !== undefined ? { from: instantOption('--from', options.from, zone) } : {}),
    ...(options.to !== undefined ? { to: instantOption('--to', options.to, zone) } : {}),
  };
}

function span(text: string): bigint {
  const match = /^(\d+)(d|h|m|s)$/.exec(text.trim());
  if (!match) {
    throw new InputError(`--since: expected a duration such as 7d, 12h, 30m or 90s, got '${text}'`);
  }
  return BigInt(match[1]!) * UNIT_NS[match[2]!]!;
}

function instantOption(flag: string, text: string, zone: string): Instant {
  const parsed = parseInstant(text, zone);
  if (!parsed) {
    throw new InputError(`${flag}: expected a time such as 2026-12-01T08:00:00Z, got '${text}'`);
  }
  return parsed;
}

/** The plan with every timed table it scans restricted to the window. */
export function restrictToWindow(rel: Relation, catalog: Catalog, window: TimeWindow): Relation {
  const recurse = (r: Relation): Relation => restrictToWindow(r, catalog, window);
  switch (rel.kind) {
    case 'Scan': {
      const time = catalog.table(rel.table, rel.namespace)?.timeColumn;
      if (!time || !rel.columns.some((c) => c.name === time)) return rel;
      const bounds = [
        ...(window.from ? [call('greaterOrEqual', col(time), instant(window.from.epochNs))] : []),
        ...(window.to ? [call('less', col(time), instant(window.to.epochNs))] : []),
      ];
      return bounds.length === 0 ? rel : filter(rel, and(...bounds));
    }
    case 'Values':
      return rel;
    case 'Filter':
    case 'Project':
    case 'Aggregate':
    case 'Sort':
    case 'Limit':
    case 'TopN':
    case 'Distinct':
    case 'Unnest':
      return { ...rel, input: recurse(rel.input) } as Relation;
    case 'Join':
      return { ...rel, left: recurse(rel.left), right: recurse(rel.right) };
    case 'Union':
      return { ...rel, inputs: rel.inputs.map(recurse) };
    default:
      return assertNever(rel, 'plan operator');
  }
}
