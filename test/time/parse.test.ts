import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Instant } from '../../src/engine/engine.js';
import { InputError } from '../../src/errors.js';
import { formatInstant } from '../../src/time/format.js';
import { parseInstant, parseNow } from '../../src/time/parse.js';

const NEW_YORK = 'America/New_York';

/** The instant `text` parses to in `zone`, written back in UTC; `undefined` when it does not. */
function readBack(text: string, zone: string): string | undefined {
  const instant = parseInstant(text, zone);
  return instant && formatInstant(instant, 'UTC');
}

/** The message of the InputError `parseNow(text)` throws. */
function nowError(text: string): string {
  try {
    parseNow(text);
  } catch (error) {
    assert.ok(error instanceof InputError);
    return error.message;
  }
  assert.fail(`parseNow accepted '${text}'`);
}

describe('parseNow', () => {
  it('reads an ISO 8601 time with an offset and seven fraction digits exactly', () => {
    const now = parseNow('2026-12-03T12:13:57.1234567-05:00');
    assert.equal(now.epochNs, 1_796_318_037_123_456_700n);
  });

  it('reads Z, lower-case z and short fractions', () => {
    assert.equal(parseNow('2026-12-03T17:13:57Z').epochNs, 1_796_318_037_000_000_000n);
    assert.equal(parseNow('2026-12-03t17:13:57.5z').epochNs, 1_796_318_037_500_000_000n);
  });

  it('returns the current time when the flag is absent', () => {
    assert.deepEqual(
      parseNow(undefined, () => 1_000),
      new Instant(1_000_000_000n),
    );
    const before = Date.now();
    const now = parseNow();
    assert.ok(now.epochMs >= before && now.epochMs <= Date.now());
  });

  it('says an offset is missing when there is none', () => {
    const message = nowError('2026-12-03T12:13:57');
    assert.match(message, /^--now: '2026-12-03T12:13:57' has no offset; expected an ISO 8601 time/);
    assert.match(nowError('2026-12-03'), /has no time of day or offset/);
  });

  it('says how many fraction digits are too many', () => {
    assert.match(nowError('2026-12-03T12:13:57.12345678Z'), /has 8 fraction digits; at most 7/);
  });

  it('names the field that is out of range', () => {
    assert.match(nowError('2026-02-29T00:00:00Z'), /has day 29, which 2026-02 does not have/);
    assert.match(nowError('2026-13-01T00:00:00Z'), /has month 13/);
    assert.match(nowError('2026-12-03T24:00:00Z'), /has hour 24/);
    assert.match(nowError('2026-12-03T12:00:00+25:00'), /has offset '\+25:00'/);
  });

  it('rejects text that is not a time at all, showing an example of what is expected', () => {
    assert.match(
      nowError('yesterday'),
      /'yesterday' is not an ISO 8601 time; expected .*2026-12-03T12:13:57Z/,
    );
  });
});

describe('parseInstant', () => {
  it('reads a time with an offset whatever the zone', () => {
    assert.equal(
      readBack('2026-12-03T12:13:57-05:00', 'Asia/Tokyo'),
      '2026-12-03T17:13:57.0000000+00:00',
    );
    assert.equal(readBack('2026-12-03 12:13:57 +0530', 'UTC'), '2026-12-03T06:43:57.0000000+00:00');
  });

  it('reads a time without an offset in the zone given', () => {
    assert.equal(readBack('2026-12-03T12:13:57', NEW_YORK), '2026-12-03T17:13:57.0000000+00:00');
    assert.equal(readBack('2026-07-04 09:00', NEW_YORK), '2026-07-04T13:00:00.0000000+00:00');
    assert.equal(readBack('2026-12-03T12:13:57', '+05:30'), '2026-12-03T06:43:57.0000000+00:00');
  });

  it('reads a date alone as its midnight in the zone', () => {
    assert.equal(readBack('2026-12-03', NEW_YORK), '2026-12-03T05:00:00.0000000+00:00');
  });

  it('settles daylight saving gaps forward and overlaps on the earlier instant', () => {
    assert.equal(readBack('2026-03-08T02:30:00', NEW_YORK), '2026-03-08T07:30:00.0000000+00:00');
    assert.equal(readBack('2026-11-01T01:30:00', NEW_YORK), '2026-11-01T05:30:00.0000000+00:00');
  });

  it('keeps nine fraction digits to 100 ns', () => {
    const instant = parseInstant('2026-12-03T17:13:57.123456789Z', 'UTC');
    assert.equal(instant?.epochNs, 1_796_318_037_123_456_700n);
  });

  it('reads fractions before 1970 without borrowing a second', () => {
    assert.equal(parseInstant('1969-12-31T23:59:59.9999999Z', 'UTC')?.epochNs, -100n);
  });

  it('returns undefined for text that is not a timestamp or names no real time', () => {
    const bad = [
      '',
      'yesterday',
      '2026-12-03T12',
      '2026-12-03T12:13:57.1234567890Z',
      '2026-02-30',
      '2026-12-03T12:60',
      '2026-12-03T12:00+24:00',
      '12/03/2026',
    ];
    for (const text of bad) assert.equal(parseInstant(text, 'UTC'), undefined, text);
  });
});
