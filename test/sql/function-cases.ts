/**
 * One call of every Kusto function, on the stored layout's columns, for the tests that state
 * each call's SQL on every engine.
 */
import { Instant } from '../../src/engine/engine.js';
import { call, col, field, instant, lit, span, type Expr } from '../../src/plan/expr.js';
import type { KustoFunction } from '../../src/plan/functions.js';

/** The instant `now()` reads: 2023-11-14T22:13:20Z. */
export const NOW = new Instant(1_700_000_000_000_000_000n);

const HOUR = 3_600_000_000_000n;
const TIME = col('TimeCreated');
const MARCH = instant('2024-03-01T00:00:00Z');
const COMMAND = field('CommandLine');

export const FUNCTION_CALLS = {
  equal: call('equal', col('EventID'), lit(4688)),
  equalIgnoreCase: call('equalIgnoreCase', field('Image'), lit('C:\\Windows\\System32\\WMIC.exe')),
  less: call('less', TIME, MARCH),
  lessOrEqual: call('lessOrEqual', col('Level'), lit(3)),
  greater: call('greater', col('EventID'), lit(4000)),
  greaterOrEqual: call('greaterOrEqual', TIME, call('ago', span(HOUR))),
  between: call('between', TIME, MARCH, span(24n * HOUR)),
  equalAny: call('equalAny', col('EventID'), lit(4624), lit(4625)),
  equalAnyIgnoreCase: call(
    'equalAnyIgnoreCase',
    field('TargetUserName'),
    lit('administrator'),
    lit('admin'),
  ),
  contains: call('contains', COMMAND, lit('call create')),
  containsCs: call('containsCs', COMMAND, lit('IEX')),
  startsWith: call('startsWith', COMMAND, lit('wmic')),
  startsWithCs: call('startsWithCs', COMMAND, lit('WMIC')),
  endsWith: call('endsWith', field('NewProcessName'), lit('\\wmic.exe')),
  endsWithCs: call('endsWithCs', field('NewProcessName'), lit('\\WMIC.exe')),
  has: call('has', COMMAND, lit('process')),
  hasCs: call('hasCs', COMMAND, lit('Invoke-Expression')),
  hasPrefix: call('hasPrefix', COMMAND, lit('encoded')),
  hasPrefixCs: call('hasPrefixCs', COMMAND, lit('Invoke')),
  hasSuffix: call('hasSuffix', field('Image'), lit('.exe')),
  hasSuffixCs: call('hasSuffixCs', field('Image'), lit('Shell')),
  hasAny: call('hasAny', COMMAND, lit('bypass'), lit('iex'), lit('-enc')),
  hasAll: call('hasAll', COMMAND, lit('shadowcopy'), lit('delete')),
  matchesRegex: call('matchesRegex', COMMAND, lit('\\s-e(nc)?\\s')),
  strlen: call('strlen', COMMAND),
  substring: call('substring', COMMAND, lit(0), lit(10)),
  splitText: call('splitText', field('Image'), lit('\\'), lit(1)),
  isEmpty: call('isEmpty', field('ParentCommandLine')),
  isNotEmpty: call('isNotEmpty', field('ParentCommandLine')),
  add: call('add', TIME, span(HOUR)),
  subtract: call('subtract', TIME, MARCH),
  multiply: call('multiply', lit(2), span(HOUR)),
  divide: call('divide', call('subtract', TIME, MARCH), span(1_000_000_000n)),
  modulo: call('modulo', col('EventID'), lit(10)),
  negate: call('negate', col('Level')),
  now: call('now'),
  ago: call('ago', span(HOUR)),
  bin: call('bin', TIME, span(5n * 60_000_000_000n)),
  datetimeAdd: call('datetimeAdd', lit('month'), lit(1), TIME),
  datetimeDiff: call('datetimeDiff', lit('hour'), TIME, MARCH),
  datetimeUtcToLocal: call('datetimeUtcToLocal', TIME, lit('Europe/Paris')),
  isNullValue: call('isNullValue', col('Qualifiers')),
  isNotNullValue: call('isNotNullValue', field('User')),
  firstNonEmpty: call('firstNonEmpty', field('User'), field('SubjectUserName')),
  dynamicGet: call('dynamicGet', call('splitText', field('Image'), lit('\\')), lit(-1)),
} satisfies Record<KustoFunction, Expr>;
