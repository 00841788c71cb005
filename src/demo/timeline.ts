/**
 * Where generated events and rows wait until the whole estate has been written: they arrive in
 * any order, and leave in time order with their record ids assigned.
 */
import type { FieldValue, ReaderItem, WindowsEventRecord } from '../ingest/record.js';

/** A row of a vendor table, such as `CommonSecurityLog`. */
export type Row = Record<string, FieldValue>;

/** One machine's log for one channel: the record id its next event gets. */
export interface RecordSequence {
  next: number;
}

type Entry =
  | {
      readonly kind: 'event';
      readonly at: number;
      readonly seq: number;
      readonly event: WindowsEventRecord;
      readonly log: RecordSequence;
    }
  | { readonly kind: 'row'; readonly at: number; readonly seq: number; readonly row: Row };

/** How many items of each kind a demo holds. */
export interface ItemCounts {
  /** Windows events by channel. */
  readonly channels: Record<string, number>;
  /** Vendor rows by the device that logged them. */
  readonly devices: Record<string, number>;
}

/** The finished demo data: items in time order and how many of each there are. */
export interface SealedTimeline {
  /** Yields the items in time order; every call starts from the first. */
  items(): Iterable<ReaderItem>;
  readonly counts: ItemCounts;
}

/** Collects events and rows, then puts them in order. */
export class Timeline {
  private readonly entries: Entry[] = [];

  constructor(private readonly length: number) {}

  /** Adds a Windows event, to be numbered from `log` when the timeline is sealed. */
  addEvent(at: number, event: WindowsEventRecord, log: RecordSequence): void {
    this.entries.push({ kind: 'event', at, seq: this.entries.length, event, log });
  }

  /** Adds a vendor row. */
  addRow(at: number, row: Row): void {
    this.entries.push({ kind: 'row', at, seq: this.entries.length, row });
  }

  /**
   * Drops what falls outside the window, sorts the rest by time (ties keep the order they were
   * added in), and numbers each machine's events per channel in that order. Seal only once:
   * the logs' record ids move on.
   */
  seal(): SealedTimeline {
    const inside = this.entries.filter((entry) => entry.at >= 0 && entry.at < this.length);
    inside.sort((a, b) => a.at - b.at || a.seq - b.seq);

    const channels: Record<string, number> = {};
    const devices: Record<string, number> = {};
    for (const entry of inside) {
      if (entry.kind === 'row') {
        const device = String(entry.row['DeviceName']);
        devices[device] = (devices[device] ?? 0) + 1;
        continue;
      }
      const system = entry.event.System;
      system.EventRecordID = entry.log.next;
      entry.log.next += 1;
      const channel = String(system.Channel);
      channels[channel] = (channels[channel] ?? 0) + 1;
    }

    return { items: () => toItems(inside), counts: { channels, devices } };
  }
}

function* toItems(entries: readonly Entry[]): Generator<ReaderItem> {
  let index = 0;
  for (const entry of entries) {
    index += 1;
    const position = `record ${index}`;
    yield entry.kind === 'event'
      ? { kind: 'event', position, event: entry.event }
      : { kind: 'row', position, row: entry.row };
  }
}
