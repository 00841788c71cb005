/**
 * One generated demo shared by the demo tests, and small helpers to pick events out of it.
 */
import type { FieldValue, ReaderItem, WindowsEventRecord } from '../../src/ingest/record.js';
import { generateDemo, type Demo } from '../../src/demo/generate.js';

/** The anchor most tests use: 3 December 2026, 15:00 UTC. */
export const ANCHOR = new Date('2026-12-03T15:00:00Z');

const cache = new Map<string, { demo: Demo; items: ReaderItem[] }>();

/** The demo for an anchor and seed, generated once per test file. */
export function demoAt(anchor = ANCHOR, seed?: number): { demo: Demo; items: ReaderItem[] } {
  const key = `${anchor.toISOString()}|${seed ?? ''}`;
  let entry = cache.get(key);
  if (!entry) {
    const demo = generateDemo({ anchor, ...(seed === undefined ? {} : { seed }) });
    entry = { demo, items: [...demo.items()] };
    cache.set(key, entry);
  }
  return entry;
}

/** The Windows events among the items. */
export function eventsOf(items: readonly ReaderItem[]): WindowsEventRecord[] {
  return items.flatMap((item) => (item.kind === 'event' ? [item.event] : []));
}

/** The vendor rows among the items. */
export function rowsOf(items: readonly ReaderItem[]): Record<string, FieldValue>[] {
  return items.flatMap((item) => (item.kind === 'row' ? [item.row] : []));
}

/** Events of one channel and id on one machine (by NetBIOS name), optionally filtered. */
export function find(
  events: readonly WindowsEventRecord[],
  channel: string,
  id: number,
  host?: string,
  where: (data: Record<string, FieldValue>) => boolean = () => true,
): WindowsEventRecord[] {
  return events.filter(
    (event) =>
      event.System.Channel === channel &&
      event.System.EventID === id &&
      (host === undefined || String(event.System.Computer).startsWith(`${host}.`)) &&
      where(event.EventData),
  );
}

/** The only element of a list; fails the test when there are none or several. */
export function only<T>(list: readonly T[], what: string): T {
  if (list.length !== 1) throw new Error(`expected exactly one ${what}, found ${list.length}`);
  return list[0] as T;
}

/** The moment an item happened, in milliseconds since 1970. */
export function timeOf(item: ReaderItem): number {
  const text =
    item.kind === 'event'
      ? item.event.System.TimeCreated
      : item.kind === 'row'
        ? item.row['TimeGenerated']
        : undefined;
  return Date.parse(String(text));
}

/** Text of an event-data field. */
export function field(event: WindowsEventRecord, name: string): string {
  return String(event.EventData[name]);
}

export const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
