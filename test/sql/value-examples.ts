/**
 * Kusto's string functions, conversions, `coalesce`, null tests and dynamic access on the
 * examples of Kusto's documentation.
 */
import { caseWhen, cast, lit, span } from '../../src/plan/expr.js';
import { example, f, fine, json, nullOf, s, SECOND, type Example } from './example.js';

const USER = s('User: James, Email: James@example.com, Age: 29');
const DAVID = s('User: David, Age: 35');

/** `substring`, `split`, `strlen`, `extract`, `strcat`, `tolower`. */
const STRINGS: Example[] = [
  example('substring("123456", 1)', f('substring', s('123456'), lit(1)), '23456'),
  example('substring("123456", 2, 2)', f('substring', s('123456'), lit(2), lit(2)), '34'),
  example('substring("ABCD", 0, 2)', f('substring', s('ABCD'), lit(0), lit(2)), 'AB'),
  example('substring("123456", -2, 2)', f('substring', s('123456'), lit(-2), lit(2)), '56'),
  example('a start past the end', f('substring', s('abc'), lit(5)), ''),
  example('a length past the end', f('substring', s('abc'), lit(1), lit(100)), 'bc'),
  example('a start before the beginning', f('substring', s('abc'), lit(-5), lit(2)), 'ab'),
  example('a negative length', f('substring', s('abc'), lit(1), lit(-1)), ''),
  example('code points, not bytes', f('substring', s('héllo'), lit(1), lit(3)), 'éll'),
  example('split("aa_bb", "_")', f('splitText', s('aa_bb'), s('_')), '["aa","bb"]'),
  example(
    'split("aaa_bbb_ccc", "_", 1)',
    f('splitText', s('aaa_bbb_ccc'), s('_'), lit(1)),
    '["bbb"]',
  ),
  example('split("", "_")', f('splitText', s(''), s('_')), '[""]'),
  example('split("a__b", "_")', f('splitText', s('a__b'), s('_')), '["a","","b"]'),
  example('split("aabbcc", "bb")', f('splitText', s('aabbcc'), s('bb')), '["aa","cc"]'),
  example('split past the last part', f('splitText', s('aa_bb'), s('_'), lit(5)), '[]'),
  example('strlen("hello")', f('strlen', s('hello')), '5'),
  example('strlen("⒦⒰⒮⒯⒪")', f('strlen', s('⒦⒰⒮⒯⒪')), '5'),
  example('strlen of a grapheme of two code points', f('strlen', s('C\u0327edilla')), '8'),
  example(
    'extract("User: ([^,]+)", 1, text)',
    f('regexExtract', USER, s('User: ([^,]+)'), lit(1)),
    'James',
  ),
  example(
    'extract(@"Email: (\\S+),", 1, text)',
    f('regexExtract', USER, s('Email: (\\S+),'), lit(1)),
    'James@example.com',
  ),
  example('extract finding nothing', f('regexExtract', DAVID, s('Email: (\\S+),'), lit(1)), null),
  example('extract(@"\\d+", 0, text)', f('regexExtract', DAVID, s('\\d+'), lit(0)), '35'),
  example(
    'extract with typeof(int)',
    cast('int', f('regexExtract', s('15-12-2024'), s('-(\\d{2})-'), lit(1))),
    '12',
  ),
  example(
    'extract of a second group',
    f('regexExtract', USER, s('(\\w+): (\\w+)'), lit(2)),
    'James',
  ),
  example('strcat', f('concat', s('a'), nullOf('string'), s('b')), 'ab'),
  example('tolower', f('lower', s('ÀBC')), 'àbc'),
];

/** `tostring`, `toint`, `tolong`, `todatetime`, `coalesce`, `isempty`, `isnull`, `case`. */
const CONVERSIONS: Example[] = [
  example('tostring(123)', cast('string', lit(123)), '123'),
  example('tostring(true)', cast('string', lit(true)), 'true'),
  example('tostring(1.5)', cast('string', lit(1.5)), '1.5'),
  example(
    'tostring(1d + 1h)',
    cast('string', f('add', span(86_400n * SECOND), span(3600n * SECOND))),
    '1.01:00:00',
  ),
  example('toint("123") == 123', f('equal', cast('int', s('123')), lit(123)), 'true'),
  example('toint(2.3)', cast('int', lit(2.3)), '2'),
  example('tolong("x")', cast('long', s('x')), null),
  example(
    'todatetime("2015-12-31 23:59:59")',
    cast('datetime', s('2015-12-31 23:59:59')),
    '2015-12-31T23:59:59.0000000Z',
  ),
  fine(
    'todatetime("2015-12-31 23:59:59.9")',
    cast('datetime', s('2015-12-31 23:59:59.9')),
    '2015-12-31T23:59:59.9000000Z',
  ),
  example(
    'coalesce(tolong("not a number"), tolong("42"), 33)',
    f('firstNonEmpty', cast('long', s('not a number')), cast('long', s('42')), lit(33)),
    '42',
  ),
  example(
    'coalesce of strings skips the empty',
    f('firstNonEmpty', s(''), nullOf('string'), s('x')),
    'x',
  ),
  example('coalesce of empty strings', f('firstNonEmpty', s(''), nullOf('string')), ''),
  example('isempty("")', f('isEmpty', s('')), 'true'),
  example('isempty("x")', f('isEmpty', s('x')), 'false'),
  example('isnotempty("x")', f('isNotEmpty', s('x')), 'true'),
  example('isempty(int(null))', f('isEmpty', nullOf('long')), 'true'),
  example('isnotnull(5)', f('isNotNullValue', lit(5)), 'true'),
  example(
    'case(Size <= 3, "Small", Size <= 10, "Medium", "Large")',
    caseWhen(
      [
        [f('lessOrEqual', lit(7), lit(3)), s('Small')],
        [f('lessOrEqual', lit(7), lit(10)), s('Medium')],
      ],
      s('Large'),
    ),
    'Medium',
  ),
  example('iff(null, 1, 2) takes the else', caseWhen([[lit(null, 'bool'), lit(1)]], lit(2)), '2'),
];

const PARTS = f('splitText', s('a_b_c'), s('_'));

/** Property access on dynamic values. */
const DYNAMIC: Example[] = [
  example('d[1]', cast('string', f('dynamicGet', PARTS, lit(1))), 'b'),
  example('d[-1]', cast('string', f('dynamicGet', PARTS, lit(-1))), 'c'),
  example('d[5] is null', f('isNullValue', f('dynamicGet', PARTS, lit(5))), 'true'),
  example('tostring(d)', cast('string', PARTS), '["a","b","c"]'),
  json(
    'd.a.b',
    cast(
      'string',
      f('dynamicGet', f('dynamicGet', cast('dynamic', s('{"a":{"b":"x"}}')), s('a')), s('b')),
    ),
    'x',
  ),
  json("d['a'] of an array", f('isNullValue', f('dynamicGet', PARTS, s('a'))), 'true'),
];

export const VALUES: Example[] = [...STRINGS, ...CONVERSIONS, ...DYNAMIC];
