import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Duration, Instant } from '../../src/engine/engine.js';
import { civilFromDays, daysFromCivil } from '../../src/time/calendar.js';
import { formatDuration, formatInstant, formatInstantDisplay } from '../../src/time/format.js';

const NEW_YORK = 'America/New_York';

/** An instant from UTC fields and nanoseconds within the second. */
function utc(iso: string, nanos = 0n): Instant {
  return new Instant(BigInt(Date.parse(iso)) * 1_000_000n + nanos);
}

describe('formatInstant', () => {
  it('writes seven fraction digits and the offset in force', () => {
    const instant = utc('2026-12-03T17:13:57Z', 123_456_789n);
    assert.equal(formatInstant(instant, NEW_YORK), '2026-12-03T12:13:57.1234567-05:00');
  });

  it('truncates below 100 ns rather than rounding', () => {
    assert.equal(
      formatInstant(utc('2026-12-03T17:13:57Z', 999_999_999n), 'UTC'),
      '2026-12-03T17:13:57.9999999+00:00',
    );
    assert.equal(
      formatInstant(utc('2026-12-03T17:13:57Z', 99n), 'UTC'),
      '2026-12-03T17:13:57.0000000+00:00',
    );
  });

  it('writes UTC as +00:00 and always writes the fraction', () => {
    assert.equal(formatInstant(new Instant(0n), 'UTC'), '1970-01-01T00:00:00.0000000+00:00');
  });

  it('counts back correctly before 1970', () => {
    assert.equal(formatInstant(new Instant(-1n), 'UTC'), '1969-12-31T23:59:59.9999999+00:00');
    assert.equal(formatInstant(new Instant(-100n), 'UTC'), '1969-12-31T23:59:59.9999999+00:00');
    assert.equal(formatInstant(new Instant(-101n), 'UTC'), '1969-12-31T23:59:59.9999998+00:00');
    assert.equal(
      formatInstant(utc('1601-01-01T00:00:00Z', 100n), 'UTC'),
      '1601-01-01T00:00:00.0000001+00:00',
    );
  });

  it('shows both sides of the 2026-03-08 spring-forward in New York', () => {
    assert.equal(
      formatInstant(utc('2026-03-08T06:59:59Z', 999_999_900n), NEW_YORK),
      '2026-03-08T01:59:59.9999999-05:00',
    );
    assert.equal(
      formatInstant(utc('2026-03-08T07:00:00Z'), NEW_YORK),
      '2026-03-08T03:00:00.0000000-04:00',
    );
  });

  it('shows the repeated hour of the 2026-11-01 fall-back in New York with both offsets', () => {
    assert.equal(
      formatInstant(utc('2026-11-01T05:30:00Z'), NEW_YORK),
      '2026-11-01T01:30:00.0000000-04:00',
    );
    assert.equal(
      formatInstant(utc('2026-11-01T06:30:00Z'), NEW_YORK),
      '2026-11-01T01:30:00.0000000-05:00',
    );
  });

  it('shows fixed offsets, including ones that are not whole hours', () => {
    const instant = utc('2026-12-31T20:00:00Z', 5_000_000n);
    assert.equal(formatInstant(instant, '+05:30'), '2027-01-01T01:30:00.0050000+05:30');
    assert.equal(formatInstant(instant, '-04:00'), '2026-12-31T16:00:00.0050000-04:00');
  });

  it("writes years outside 0 to 9999 in ISO's expanded form", () => {
    assert.equal(
      formatInstant(utc('0001-01-01T00:00:00Z'), 'UTC'),
      '0001-01-01T00:00:00.0000000+00:00',
    );
    assert.equal(
      formatInstant(new Instant(253_402_300_800n * 1_000_000_000n), 'UTC'),
      '+010000-01-01T00:00:00.0000000+00:00',
    );
    assert.equal(
      formatInstant(utc('0000-01-01T00:00:00Z', -1n), 'UTC'),
      '-000001-12-31T23:59:59.9999999+00:00',
    );
  });
});

describe('formatInstantDisplay', () => {
  it('puts spaces before the time and the offset', () => {
    const instant = utc('2026-12-03T17:13:57Z', 123_456_789n);
    assert.equal(formatInstantDisplay(instant, NEW_YORK), '2026-12-03 12:13:57.1234567 -05:00');
  });
});

describe('formatDuration', () => {
  const SECOND = 1_000_000_000n;

  it("writes Kusto's timespan form, with days only when there are any", () => {
    assert.equal(formatDuration(new Duration(0n)), '00:00:00');
    assert.equal(formatDuration(new Duration(90n * SECOND)), '00:01:30');
    assert.equal(
      formatDuration(new Duration(93_784n * SECOND + 500_000_000n)),
      '1.02:03:04.5000000',
    );
    assert.equal(formatDuration(new Duration(1000n * 86_400n * SECOND)), '1000.00:00:00');
  });

  it('writes seven fraction digits when there is a fraction, truncated below 100 ns', () => {
    assert.equal(formatDuration(new Duration(100n)), '00:00:00.0000001');
    assert.equal(formatDuration(new Duration(SECOND + 123_456_789n)), '00:00:01.1234567');
    assert.equal(formatDuration(new Duration(99n)), '00:00:00');
  });

  it('puts a minus sign before negative durations', () => {
    assert.equal(formatDuration(new Duration(-SECOND)), '-00:00:01');
    assert.equal(formatDuration(new Duration(-(86_400n * SECOND + 100n))), '-1.00:00:00.0000001');
    assert.equal(formatDuration(new Duration(-50n)), '00:00:00');
  });
});

describe('the calendar', () => {
  it('agrees with Date on day numbers over four centuries', () => {
    for (let days = -150_000; days <= 150_000; days += 97) {
      const date = new Date(days * 86_400_000);
      const civil = {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
      };
      assert.deepEqual(civilFromDays(days), civil);
      assert.equal(daysFromCivil(civil.year, civil.month, civil.day), days);
    }
  });
});
