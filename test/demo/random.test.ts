import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Clock, DAY, HOUR, MS } from '../../src/demo/clock.js';
import { Rng } from '../../src/demo/random.js';

const draws = (rng: Rng, count: number): number[] =>
  Array.from({ length: count }, () => rng.next());

describe('Rng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    assert.deepEqual(draws(new Rng(42), 50), draws(new Rng(42), 50));
    assert.notDeepEqual(draws(new Rng(42), 50), draws(new Rng(43), 50));
  });

  it('forks streams that do not depend on how much the parent was used', () => {
    const fresh = new Rng(7);
    const used = new Rng(7);
    draws(used, 100);
    assert.deepEqual(draws(fresh.fork('host:WS03'), 20), draws(used.fork('host:WS03'), 20));
    assert.notDeepEqual(draws(fresh.fork('host:WS03'), 20), draws(fresh.fork('host:WS04'), 20));
  });

  it('keeps integers and nearby values inside their bounds', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 2_000; i += 1) {
      const value = rng.int(3, 9);
      assert.ok(Number.isInteger(value) && value >= 3 && value <= 9);
      const near = rng.around(100, 10);
      assert.ok(near >= 90 && near <= 110);
    }
  });

  it('writes GUIDs and hex in the forms Windows uses', () => {
    const rng = new Rng(9);
    assert.match(
      rng.guid(),
      /^\{[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\}$/,
    );
    assert.match(rng.hex(13), /^[0-9a-f]{13}$/);
  });
});

describe('Clock', () => {
  const clock = new Clock(Date.parse('2026-12-03T15:00:00.123Z'), 3, -300);

  it('writes ISO times with seven fraction digits and Sysmon times with three', () => {
    assert.equal(clock.iso(0), '2026-11-30T15:00:00.1230000Z');
    assert.equal(clock.iso(12_345_678), '2026-11-30T15:00:01.3575678Z');
    assert.equal(clock.iso(DAY - 1), '2026-12-01T15:00:00.1229999Z');
    assert.equal(clock.sysmonTime(12_345_678), '2026-11-30 15:00:01.357');
  });

  it('reads the office clock at its offset from UTC', () => {
    assert.equal(clock.officeHour(0), 10 + 0.123 / 3_600);
    assert.equal(Math.round(clock.officeHour(5 * HOUR) * 1_000) / 1_000, 15);
  });

  it('lists the office midnights from the one before the window', () => {
    const midnights = clock.officeMidnights();
    assert.equal(midnights.length, 4);
    assert.equal(clock.iso(midnights[0] ?? NaN), '2026-11-30T05:00:00.0000000Z');
    assert.ok((midnights[0] ?? 0) < 0);
    assert.equal((midnights[1] ?? 0) - (midnights[0] ?? 0), DAY);
  });

  it('lists whole UTC hours overlapping the window', () => {
    const hours = clock.hours();
    assert.equal(hours.length, 73);
    assert.equal(hours[0], -123 * MS);
  });
});
