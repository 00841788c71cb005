import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { generateDemo } from '../../src/demo/generate.js';
import type { ReaderItem } from '../../src/ingest/record.js';
import { ANCHOR, demoAt, timeOf } from './demo-fixture.js';

const DAY_MS = 86_400_000;

/** What an item is, apart from when it happened. */
function identity(item: ReaderItem): string {
  if (item.kind === 'event') {
    const { System: system } = item.event;
    return `${system.Computer}|${system.Channel}|${system.EventID}|${system.EventRecordID}`;
  }
  if (item.kind === 'row') {
    return `${item.row['DeviceName']}|${item.row['SourceIP']}|${item.row['DestinationIP']}`;
  }
  return item.message;
}

describe('generateDemo', () => {
  it('produces byte-identical items and story for the same options', () => {
    const first = generateDemo({ anchor: ANCHOR, seed: 5 });
    const second = generateDemo({ anchor: new Date(ANCHOR.getTime()), seed: 5 });
    assert.equal(JSON.stringify([...second.items()]), JSON.stringify([...first.items()]));
    assert.deepEqual(second.story, first.story);
  });

  it('yields the same items every time items() is called', () => {
    const { demo } = demoAt();
    assert.equal(JSON.stringify([...demo.items()]), JSON.stringify([...demo.items()]));
  });

  it('gives different activity for a different seed', () => {
    const { demo } = demoAt();
    const other = generateDemo({ anchor: ANCHOR, seed: 2 });
    assert.notEqual(other.story.attackStart, demo.story.attackStart);
    assert.notEqual(other.story.counts.events, demo.story.counts.events);
  });

  it('shifts every item by the same amount when the anchor moves by whole days', () => {
    const { items } = demoAt();
    for (const days of [1, 9]) {
      const moved = [
        ...generateDemo({ anchor: new Date(ANCHOR.getTime() + days * DAY_MS) }).items(),
      ];
      assert.equal(moved.length, items.length);
      moved.forEach((item, index) => {
        const before = items[index] as ReaderItem;
        assert.equal(timeOf(item) - timeOf(before), days * DAY_MS);
        assert.equal(identity(item), identity(before));
      });
    }
  });

  it('rejects an invalid anchor, day count or seed', () => {
    assert.throws(() => generateDemo({ anchor: new Date('not a date') }), InputError);
    assert.throws(() => generateDemo({ anchor: ANCHOR, days: 0 }), InputError);
    assert.throws(() => generateDemo({ anchor: ANCHOR, days: 2.5 }), InputError);
    assert.throws(() => generateDemo({ anchor: ANCHOR, seed: 1.5 }), InputError);
  });

  it('generates a one-day window with the attack still in it', () => {
    const demo = generateDemo({ anchor: ANCHOR, days: 1 });
    const start = Date.parse(demo.story.window.start);
    assert.equal(start, ANCHOR.getTime() - DAY_MS);
    assert.ok(Date.parse(demo.story.attackStart) > start);
    assert.ok(demo.story.counts.events > 5_000);
  });
});
