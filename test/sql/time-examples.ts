/**
 * Kusto's arithmetic and datetime functions on the examples of Kusto's documentation. Those
 * that need a fraction of a second in a datetime run on DuckDB only, since a ClickHouse 18.16
 * `DateTime` holds whole seconds.
 */
import { lit, span } from '../../src/plan/expr.js';
import { DAY, dt, early, example, f, fine, HOUR, not, s, SECOND, type Example } from './example.js';

/** Numbers, datetimes and timespans under `+ - * / %` and `between`. */
export const ARITHMETIC: Example[] = [
  example('1 / 2 divides integers', f('divide', lit(1), lit(2)), '0'),
  example('-7 / 2 truncates towards zero', f('divide', lit(-7), lit(2)), '-3'),
  example('1.0 / 2 is real', f('divide', lit(1.5), lit(3)), '0.5'),
  example('an integer division by zero is null', f('divide', lit(7), lit(0)), null),
  example('a remainder by zero is null', f('modulo', lit(7), lit(0)), null),
  example('14 % 12', f('modulo', lit(14), lit(12)), '2'),
  example('-14 % 12', f('modulo', lit(-14), lit(12)), '10'),
  example('14 % -12', f('modulo', lit(14), lit(-12)), '2'),
  example('-14 % -12', f('modulo', lit(-14), lit(-12)), '10'),
  example('1d / 5h', f('divide', span(DAY), span(5n * HOUR)), '4.8'),
  example('1h / 1s', f('divide', span(HOUR), span(SECOND)), '3600'),
  example('1.5 * 1h', f('multiply', lit(1.5), span(HOUR)), '01:30:00'),
  example('1d + 2d', f('add', span(DAY), span(2n * DAY)), '3.00:00:00'),
  example('-90s', f('negate', span(90n * SECOND)), '-00:01:30'),
  early(
    'datetime(1910-06-11) + 1d',
    f('add', dt('1910-06-11'), span(DAY)),
    '1910-06-12T00:00:00.0000000Z',
  ),
  early(
    'datetime(1997-06-25) - datetime(1910-06-11)',
    f('subtract', dt('1997-06-25'), dt('1910-06-11')),
    '31791.00:00:00',
  ),
  example(
    'fromUnixTime(1546897531)',
    f('add', dt('1970-01-01'), f('multiply', lit(1546897531), span(SECOND))),
    '2019-01-07T21:45:31.0000000Z',
  ),
  example(
    'toUnixTime(datetime(2019-01-07 21:45:31))',
    f('divide', f('subtract', dt('2019-01-07T21:45:31'), dt('1970-01-01')), span(SECOND)),
    '1546897531',
  ),
  fine(
    'a difference of datetimes divided by a tick counts ticks',
    f(
      'divide',
      f('subtract', dt('2017-10-30 23:00:00.0000007'), dt('2017-10-30 23:00:00')),
      span(100n),
    ),
    '7',
  ),
  example(
    'a timespan keeps its fraction',
    f('add', span(SECOND), span(SECOND / 2n)),
    '00:00:01.5000000',
  ),
  example('50 between (50 .. 55)', f('between', lit(50), lit(50), lit(55)), 'true'),
  example('56 !between (50 .. 55)', not(f('between', lit(56), lit(50), lit(55))), 'true'),
  example(
    'a datetime between a datetime and a timespan after it',
    f('between', dt('2007-07-29'), dt('2007-07-27'), span(3n * DAY)),
    'true',
  ),
];

const period = (name: string) => s(name);

/** `datetime_diff`'s documented example, each period counting boundaries. */
const DIFFERENCES: Example[] = [
  example('year', f('datetimeDiff', period('year'), dt('2017-01-01'), dt('2000-12-31')), '17'),
  example('quarter', f('datetimeDiff', period('quarter'), dt('2017-07-01'), dt('2017-03-30')), '2'),
  example('month', f('datetimeDiff', period('month'), dt('2017-01-01'), dt('2015-12-30')), '13'),
  example(
    'week',
    f('datetimeDiff', period('week'), dt('2017-10-29 00:00'), dt('2017-09-30 23:59')),
    '5',
  ),
  example(
    'day',
    f('datetimeDiff', period('day'), dt('2017-10-29 00:00'), dt('2017-09-30 23:59')),
    '29',
  ),
  example(
    'hour',
    f('datetimeDiff', period('hour'), dt('2017-10-31 01:00'), dt('2017-10-30 23:59')),
    '2',
  ),
  example(
    'minute',
    f('datetimeDiff', period('minute'), dt('2017-10-30 23:05:01'), dt('2017-10-30 23:00:59')),
    '5',
  ),
  fine(
    'second',
    f(
      'datetimeDiff',
      period('second'),
      dt('2017-10-30 23:00:10.100'),
      dt('2017-10-30 23:00:00.900'),
    ),
    '10',
  ),
  fine(
    'millisecond',
    f(
      'datetimeDiff',
      period('millisecond'),
      dt('2017-10-30 23:00:00.200100'),
      dt('2017-10-30 23:00:00.100900'),
    ),
    '100',
  ),
  fine(
    'microsecond',
    f(
      'datetimeDiff',
      period('microsecond'),
      dt('2017-10-30 23:00:00.1009001'),
      dt('2017-10-30 23:00:00.1008009'),
    ),
    '100',
  ),
  fine(
    'nanosecond',
    f(
      'datetimeDiff',
      period('nanosecond'),
      dt('2017-10-30 23:00:00.0000000'),
      dt('2017-10-30 23:00:00.0000007'),
    ),
    '-700',
  ),
  example(
    'a week starts on Sunday',
    f('datetimeDiff', period('Week'), dt('2017-10-29'), dt('2017-10-28')),
    '1',
  ),
  example(
    'seconds of whole-second values, in milliseconds',
    f('datetimeDiff', period('millisecond'), dt('2017-10-30 23:00:02'), dt('2017-10-30 23:00:00')),
    '2000',
  ),
];

const JAN_1 = dt('2017-01-01');

/** `datetime_add`'s documented examples, and a month end. */
const ADDITIONS: Example[] = [
  ...(
    [
      ['year', '2018-01-01T00:00:00'],
      ['quarter', '2017-04-01T00:00:00'],
      ['month', '2017-02-01T00:00:00'],
      ['week', '2017-01-08T00:00:00'],
      ['day', '2017-01-02T00:00:00'],
      ['hour', '2017-01-01T01:00:00'],
      ['minute', '2017-01-01T00:01:00'],
      ['second', '2017-01-01T00:00:01'],
    ] as const
  ).map(([unit, text]) =>
    example(`one ${unit}`, f('datetimeAdd', period(unit), lit(1), JAN_1), `${text}.0000000Z`),
  ),
  example(
    '-5 years',
    f('datetimeAdd', period('year'), lit(-5), JAN_1),
    '2012-01-01T00:00:00.0000000Z',
  ),
  example(
    '12 quarters',
    f('datetimeAdd', period('quarter'), lit(12), JAN_1),
    '2020-01-01T00:00:00.0000000Z',
  ),
  example(
    '-15 months',
    f('datetimeAdd', period('month'), lit(-15), JAN_1),
    '2015-10-01T00:00:00.0000000Z',
  ),
  example(
    '100 weeks',
    f('datetimeAdd', period('week'), lit(100), JAN_1),
    '2018-12-02T00:00:00.0000000Z',
  ),
  example(
    'a month after January 31 is the end of February',
    f('datetimeAdd', period('month'), lit(1), dt('2024-01-31T10:00:00')),
    '2024-02-29T10:00:00.0000000Z',
  ),
  fine(
    'a month on keeps the 100 ns',
    f('datetimeAdd', period('month'), lit(1), dt('2024-01-31T10:00:00.1234567')),
    '2024-02-29T10:00:00.1234567Z',
  ),
  fine(
    'a tick on',
    f('datetimeAdd', period('nanosecond'), lit(100), dt('2024-01-31T10:00:00.1234567')),
    '2024-01-31T10:00:00.1234568Z',
  ),
];

const FORMATTED = dt('2017-01-29 09:00:05');

/** `format_datetime`'s documented examples and specifiers. */
const FORMATS: Example[] = [
  example(
    'yy-MM-dd [HH:mm:ss]',
    f('formatDatetime', FORMATTED, s('yy-MM-dd [HH:mm:ss]')),
    '17-01-29 [09:00:05]',
  ),
  example(
    'yyyy-M-dd [H:mm:ss]',
    f('formatDatetime', FORMATTED, s('yyyy-M-dd [H:mm:ss]')),
    '2017-1-29 [9:00:05]',
  ),
  example(
    'yy-MM-dd [hh:mm:ss tt]',
    f('formatDatetime', FORMATTED, s('yy-MM-dd [hh:mm:ss tt]')),
    '17-01-29 [09:00:05 AM]',
  ),
  example('d, h and y', f('formatDatetime', dt('2009-06-01T13:45:30'), s('d h y')), '1 1 9'),
  example('yy of 2019', f('formatDatetime', dt('2019-06-15T13:45:30'), s('yy')), '19'),
  example('m and s', f('formatDatetime', dt('2009-06-15T01:09:07'), s('m:s')), '9:7'),
  fine(
    'y-M-d h:m:s.fffffff',
    f('formatDatetime', dt('2015-12-14 02:03:04.12345'), s('y-M-d h:m:s.fffffff')),
    '15-12-14 2:3:4.1234500',
  ),
  fine(
    'FFF',
    f('formatDatetime', dt('2009-06-15T13:45:30.617'), s('HH:mm:ss.FFF')),
    '13:45:30.617',
  ),
  fine(
    'FFF of a whole second drops its point',
    f('formatDatetime', dt('2009-06-15T13:45:30.0005'), s('HH:mm:ss.FFF')),
    '13:45:30',
  ),
  fine('FFFFFFF', f('formatDatetime', dt('2009-06-15T13:45:30.000115'), s('FFFFFFF')), '000115'),
  example('fff of a whole second', f('formatDatetime', FORMATTED, s('ss.fff')), '05.000'),
];

/** `bin`, `now`, `ago`, and `datetime_utc_to_local` through daylight saving time. */
const OTHERS: Example[] = [
  example('bin(4.5, 1)', f('bin', lit(4.5), lit(1)), '4'),
  example('bin(-4.5, 1)', f('bin', lit(-4.5), lit(1)), '-5'),
  example('bin(-7, 5)', f('bin', lit(-7), lit(5)), '-10'),
  example('bin by 0 is null', f('bin', lit(7), lit(0)), null),
  example('bin(time(16d), 7d)', f('bin', span(16n * DAY), span(7n * DAY)), '14.00:00:00'),
  example(
    'bin(datetime(1970-05-11 13:45:07), 1d)',
    f('bin', dt('1970-05-11 13:45:07'), span(DAY)),
    '1970-05-11T00:00:00.0000000Z',
  ),
  example(
    'bin of a datetime by 5 minutes',
    f('bin', dt('2024-01-01T10:07:59'), span(5n * 60n * SECOND)),
    '2024-01-01T10:05:00.0000000Z',
  ),
  example('now()', f('now'), '2023-11-14T22:13:20.0000000Z'),
  example('now(-2d)', f('now', span(-2n * DAY)), '2023-11-12T22:13:20.0000000Z'),
  example('ago(1h)', f('ago', span(HOUR)), '2023-11-14T21:13:20.0000000Z'),
  example('ago(1h) < now()', f('less', f('ago', span(HOUR)), f('now')), 'true'),
  example(
    'Paris before the spring change',
    f('datetimeUtcToLocal', dt('2024-03-31T00:30:00Z'), s('Europe/Paris')),
    '2024-03-31T01:30:00.0000000Z',
  ),
  example(
    'Paris after the spring change',
    f('datetimeUtcToLocal', dt('2024-03-31T01:30:00Z'), s('Europe/Paris')),
    '2024-03-31T03:30:00.0000000Z',
  ),
  example(
    'US/Pacific in summer',
    f('datetimeUtcToLocal', dt('2022-07-11 22:18:48'), s('US/Pacific')),
    '2022-07-11T15:18:48.0000000Z',
  ),
  fine(
    'local times keep their 100 ns',
    f('datetimeUtcToLocal', dt('2022-07-11 22:18:48.4678620'), s('Australia/Canberra')),
    '2022-07-12T08:18:48.4678620Z',
  ),
  example(
    'pacific minus canberra',
    f(
      'subtract',
      f('datetimeUtcToLocal', dt('2022-07-11 22:18:48'), s('US/Pacific')),
      f('datetimeUtcToLocal', dt('2022-07-11 22:18:48'), s('Australia/Canberra')),
    ),
    '-17:00:00',
  ),
];

export const DATETIMES: Example[] = [...DIFFERENCES, ...ADDITIONS, ...FORMATS, ...OTHERS];
