import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import {
  formatOffset,
  localToEpochMs,
  normalizeTimeZone,
  offsetMinutes,
  parseOffset,
  resolveTimeZone,
} from '../../src/time/zone.js';

const NEW_YORK = 'America/New_York';

describe('resolveTimeZone', () => {
  it('prefers the --tz option over QUARRY_TZ', () => {
    assert.equal(resolveTimeZone('Europe/Berlin', { QUARRY_TZ: 'Asia/Tokyo' }), 'Europe/Berlin');
  });

  it('uses QUARRY_TZ when there is no option', () => {
    assert.equal(resolveTimeZone(undefined, { QUARRY_TZ: 'Asia/Tokyo' }), 'Asia/Tokyo');
  });

  it("falls back to the machine's zone when neither is set or QUARRY_TZ is blank", () => {
    const machine = normalizeTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    assert.equal(resolveTimeZone(undefined, {}), machine);
    assert.equal(resolveTimeZone(undefined, { QUARRY_TZ: '  ' }), machine);
  });

  it('spells IANA names the canonical way whatever their letter case', () => {
    assert.equal(resolveTimeZone('america/new_york'), NEW_YORK);
    assert.equal(resolveTimeZone('EUROPE/LONDON'), 'Europe/London');
  });

  it('reads every name for UTC as UTC', () => {
    for (const name of ['UTC', 'utc', 'Z', 'GMT', 'Etc/UTC', '+00:00', '-00:00']) {
      assert.equal(resolveTimeZone(name), 'UTC', name);
    }
  });

  it('writes fixed offsets as +hh:mm in whichever form they came', () => {
    assert.equal(resolveTimeZone('+05:30'), '+05:30');
    assert.equal(resolveTimeZone('+0530'), '+05:30');
    assert.equal(resolveTimeZone('UTC+05:30'), '+05:30');
    assert.equal(resolveTimeZone('-04'), '-04:00');
  });

  it("keeps IANA's reversed sign in Etc/GMT names", () => {
    assert.equal(resolveTimeZone('Etc/GMT+5'), 'Etc/GMT+5');
    assert.equal(offsetMinutes('Etc/GMT+5', 0), -300);
  });

  it('rejects an unknown zone, naming the value, its source and what was expected', () => {
    assert.throws(
      () => resolveTimeZone('Mars/Olympus_Mons'),
      (error: unknown) =>
        error instanceof InputError &&
        error.message.includes("--tz: unknown time zone 'Mars/Olympus_Mons'") &&
        error.message.includes("'America/New_York'") &&
        error.message.includes("'+05:30'"),
    );
    assert.throws(
      () => resolveTimeZone(undefined, { QUARRY_TZ: 'Nowhere' }),
      /QUARRY_TZ: .*'Nowhere'/,
    );
  });

  it('rejects offsets out of range and malformed ones', () => {
    for (const bad of ['+24:00', '+05:60', '+5:30', '05:30', '', 'GMT+5']) {
      assert.throws(() => resolveTimeZone(bad), InputError, bad);
    }
  });
});

describe('parseOffset and formatOffset', () => {
  it('read and write minutes east of UTC', () => {
    assert.equal(parseOffset('-04:00'), -240);
    assert.equal(parseOffset('+0545'), 345);
    assert.equal(parseOffset('+05'), 300);
    assert.equal(parseOffset('05:00'), undefined);
    assert.equal(formatOffset(-240), '-04:00');
    assert.equal(formatOffset(345), '+05:45');
    assert.equal(formatOffset(0), '+00:00');
  });
});

describe('offsetMinutes', () => {
  it('follows New York into daylight saving time on 2026-03-08 at 07:00 UTC', () => {
    const jump = Date.UTC(2026, 2, 8, 7);
    assert.equal(offsetMinutes(NEW_YORK, jump - 1), -300);
    assert.equal(offsetMinutes(NEW_YORK, jump), -240);
  });

  it('follows New York out of daylight saving time on 2026-11-01 at 06:00 UTC', () => {
    const fall = Date.UTC(2026, 10, 1, 6);
    assert.equal(offsetMinutes(NEW_YORK, fall - 1), -240);
    assert.equal(offsetMinutes(NEW_YORK, fall), -300);
  });

  it('agrees with Intl minute by minute across a transition, whatever was asked before', () => {
    const start = Date.UTC(2026, 10, 1, 5);
    const minutes = Array.from({ length: 120 }, (_, index) => start + index * 60_000 + 30_000);
    for (const epochMs of [...minutes].reverse().concat(minutes)) {
      assert.equal(
        offsetMinutes(NEW_YORK, epochMs),
        epochMs < Date.UTC(2026, 10, 1, 6) ? -240 : -300,
      );
    }
  });

  it('returns a fixed offset whatever the instant', () => {
    assert.equal(offsetMinutes('+05:30', Date.UTC(2026, 0, 1)), 330);
    assert.equal(offsetMinutes('-04:00', Date.UTC(1900, 6, 1)), -240);
    assert.equal(offsetMinutes('UTC', Date.UTC(2026, 6, 1)), 0);
  });

  it('rounds a historical local mean time to the minute', () => {
    assert.equal(offsetMinutes(NEW_YORK, Date.UTC(1850, 0, 1)), -296);
  });

  it('answers for instants beyond what Date can hold', () => {
    assert.equal(offsetMinutes('Europe/Paris', -1e17), offsetMinutes('Europe/Paris', -8.64e15));
  });

  it('throws an InputError for a zone that is not one', () => {
    assert.throws(() => offsetMinutes('Not/AZone', 0), InputError);
  });
});

describe('localToEpochMs', () => {
  it('reads an ordinary wall-clock time with the offset in force', () => {
    assert.equal(
      localToEpochMs(NEW_YORK, 2026, 12, 3, 12, 13, 57, 123),
      Date.UTC(2026, 11, 3, 17, 13, 57, 123),
    );
    assert.equal(localToEpochMs(NEW_YORK, 2026, 7, 4, 9, 0, 0, 0), Date.UTC(2026, 6, 4, 13));
  });

  it('moves a time in the spring-forward gap forward by the gap: 02:30 is 03:30 EDT', () => {
    assert.equal(localToEpochMs(NEW_YORK, 2026, 3, 8, 2, 30, 0, 0), Date.UTC(2026, 2, 8, 7, 30));
    assert.equal(localToEpochMs(NEW_YORK, 2026, 3, 8, 2, 0, 0, 0), Date.UTC(2026, 2, 8, 7));
  });

  it('reads the times either side of the gap normally', () => {
    assert.equal(
      localToEpochMs(NEW_YORK, 2026, 3, 8, 1, 59, 59, 999),
      Date.UTC(2026, 2, 8, 6, 59, 59, 999),
    );
    assert.equal(localToEpochMs(NEW_YORK, 2026, 3, 8, 3, 0, 0, 0), Date.UTC(2026, 2, 8, 7));
  });

  it('takes the earlier instant for a time in the fall-back overlap: 01:30 is 01:30 EDT', () => {
    assert.equal(localToEpochMs(NEW_YORK, 2026, 11, 1, 1, 30, 0, 0), Date.UTC(2026, 10, 1, 5, 30));
    assert.equal(localToEpochMs(NEW_YORK, 2026, 11, 1, 0, 59, 0, 0), Date.UTC(2026, 10, 1, 4, 59));
    assert.equal(localToEpochMs(NEW_YORK, 2026, 11, 1, 2, 0, 0, 0), Date.UTC(2026, 10, 1, 7));
  });

  it('reads fixed offsets and UTC without daylight saving', () => {
    assert.equal(localToEpochMs('+05:30', 2026, 3, 8, 2, 30, 0, 0), Date.UTC(2026, 2, 7, 21));
    assert.equal(localToEpochMs('UTC', 1969, 12, 31, 23, 59, 59, 999), -1);
  });

  it('reads years before 100 as written', () => {
    assert.equal(localToEpochMs('UTC', 1, 1, 1, 0, 0, 0, 0), -62_135_596_800_000);
  });
});
