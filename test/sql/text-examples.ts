/**
 * Kusto's string operators on the examples of Kusto's documentation: the operator table, the
 * terms `has` matches, and the rules for nulls. Every example runs on every engine.
 */
import { lit, type Expr } from '../../src/plan/expr.js';
import { example, f, not, nullOf, s, type Example } from './example.js';

/** The string operators' table, where every example yields true. */
export const STRING_OPERATORS: Example[] = [
  example('"aBc" == "aBc"', f('equal', s('aBc'), s('aBc')), 'true'),
  example('"abc" != "ABC"', not(f('equal', s('abc'), s('ABC'))), 'true'),
  example('"abc" =~ "ABC"', f('equalIgnoreCase', s('abc'), s('ABC')), 'true'),
  example('"aBc" !~ "xyz"', not(f('equalIgnoreCase', s('aBc'), s('xyz'))), 'true'),
  example('"FabriKam" contains "BRik"', f('contains', s('FabriKam'), s('BRik')), 'true'),
  example('"Fabrikam" !contains "xyz"', not(f('contains', s('Fabrikam'), s('xyz'))), 'true'),
  example('"FabriKam" contains_cs "Kam"', f('containsCs', s('FabriKam'), s('Kam')), 'true'),
  example('"Fabrikam" !contains_cs "Kam"', not(f('containsCs', s('Fabrikam'), s('Kam'))), 'true'),
  example('"Fabrikam" endswith "Kam"', f('endsWith', s('Fabrikam'), s('Kam')), 'true'),
  example('"Fabrikam" !endswith "brik"', not(f('endsWith', s('Fabrikam'), s('brik'))), 'true'),
  example('"Fabrikam" endswith_cs "kam"', f('endsWithCs', s('Fabrikam'), s('kam')), 'true'),
  example('"Fabrikam" !endswith_cs "brik"', not(f('endsWithCs', s('Fabrikam'), s('brik'))), 'true'),
  example('"North America" has "america"', f('has', s('North America'), s('america')), 'true'),
  example('"North America" !has "amer"', not(f('has', s('North America'), s('amer'))), 'true'),
  example(
    '"North and South America" has_all("south", "north")',
    f('hasAll', s('North and South America'), s('south'), s('north')),
    'true',
  ),
  example(
    '"North America" has_any("south", "north")',
    f('hasAny', s('North America'), s('south'), s('north')),
    'true',
  ),
  example('"North America" has_cs "America"', f('hasCs', s('North America'), s('America')), 'true'),
  example('"North America" !has_cs "amer"', not(f('hasCs', s('North America'), s('amer'))), 'true'),
  example('"North America" hasprefix "ame"', f('hasPrefix', s('North America'), s('ame')), 'true'),
  example(
    '"North America" !hasprefix "mer"',
    not(f('hasPrefix', s('North America'), s('mer'))),
    'true',
  ),
  example(
    '"North America" hasprefix_cs "Ame"',
    f('hasPrefixCs', s('North America'), s('Ame')),
    'true',
  ),
  example(
    '"North America" !hasprefix_cs "CA"',
    not(f('hasPrefixCs', s('North America'), s('CA'))),
    'true',
  ),
  example('"North America" hassuffix "ica"', f('hasSuffix', s('North America'), s('ica')), 'true'),
  example(
    '"North America" !hassuffix "americ"',
    not(f('hasSuffix', s('North America'), s('americ'))),
    'true',
  ),
  example(
    '"North America" hassuffix_cs "ica"',
    f('hasSuffixCs', s('North America'), s('ica')),
    'true',
  ),
  example(
    '"North America" !hassuffix_cs "icA"',
    not(f('hasSuffixCs', s('North America'), s('icA'))),
    'true',
  ),
  example(
    '"abc" in ("123", "345", "abc")',
    f('equalAny', s('abc'), s('123'), s('345'), s('abc')),
    'true',
  ),
  example(
    '"bca" !in ("123", "345", "abc")',
    not(f('equalAny', s('bca'), s('123'), s('345'), s('abc'))),
    'true',
  ),
  example(
    '"Abc" in~ ("123", "345", "abc")',
    f('equalAnyIgnoreCase', s('Abc'), s('123'), s('345'), s('abc')),
    'true',
  ),
  example(
    '"bCa" !in~ ("123", "345", "ABC")',
    not(f('equalAnyIgnoreCase', s('bCa'), s('123'), s('345'), s('ABC'))),
    'true',
  ),
  example('"Fabrikam" matches regex "b.*k"', f('matchesRegex', s('Fabrikam'), s('b.*k')), 'true'),
  example('"Fabrikam" startswith "fab"', f('startsWith', s('Fabrikam'), s('fab')), 'true'),
  example('"Fabrikam" !startswith "kam"', not(f('startsWith', s('Fabrikam'), s('kam'))), 'true'),
  example('"Fabrikam" startswith_cs "Fab"', f('startsWithCs', s('Fabrikam'), s('Fab')), 'true'),
  example(
    '"Fabrikam" !startswith_cs "fab"',
    not(f('startsWithCs', s('Fabrikam'), s('fab'))),
    'true',
  ),
];

const TERMS_TEXT = s('Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun');

/** Term matching, on the documentation's text of terms. */
export const TERMS: Example[] = [
  example(
    'a substring that is no term is not had',
    f('has', s('KustoExplorerQueryRun'), s('Explorer')),
    'false',
  ),
  example('but it is contained', f('contains', s('KustoExplorerQueryRun'), s('Explorer')), 'true'),
  example('a term of a GUID is had', f('has', TERMS_TEXT, s('c1db')), 'true'),
  example('a run of whole terms is had', f('has', TERMS_TEXT, s('ad67d136-c1db')), 'true'),
  example('a run ending inside a term is not had', f('has', TERMS_TEXT, s('4f9f-88')), 'false'),
  example('a part of a term is not had', f('has', TERMS_TEXT, s('f9f')), 'false'),
  example(
    "punctuation at a needle's end needs no boundary",
    f('has', s('hello-world'), s('-world')),
    'true',
  ),
  example('has ignores case', f('has', TERMS_TEXT, s('KUSTOEXPLORERQUERYRUN')), 'true'),
  example('has_cs does not', f('hasCs', TERMS_TEXT, s('KUSTOEXPLORERQUERYRUN')), 'false'),
  example(
    'has_any finds a needle with punctuation',
    f('hasAny', s('a.b c'), s('x'), s('a.b')),
    'true',
  ),
  example(
    'has_any of absent terms',
    f('hasAny', s('North America'), s('south'), s('ame')),
    'false',
  ),
  example(
    'has_all needs every term',
    f('hasAll', s('North America'), s('north'), s('south')),
    'false',
  ),
  example('hasprefix of a later term', f('hasPrefix', TERMS_TEXT, s('explorer')), 'false'),
  example('hassuffix of a GUID part', f('hasSuffix', TERMS_TEXT, s('0b5a')), 'true'),
];

/** Kusto has no null string; other nulls follow its rules for `==`, `!=` and `in`. */
export const NULLS: Example[] = [
  example('a missing string equals ""', f('equal', nullOf('string'), s('')), 'true'),
  example(
    'a missing string does not contain "x"',
    not(f('contains', nullOf('string'), s('x'))),
    'true',
  ),
  example('a missing string is empty', f('isEmpty', nullOf('string')), 'true'),
  example('a missing string has length 0', f('strlen', nullOf('string')), '0'),
  example('a string is never null', f('isNullValue', nullOf('string')), 'false'),
  example('int(null) is null', f('isNullValue', nullOf('long')), 'true'),
  example('null == null is null', f('equal', nullOf('long'), nullOf('long')), null),
  example('5 == null is false', f('equal', lit(5), nullOf('long')), 'false'),
  example('null != null is null', not(f('equal', nullOf('long'), nullOf('long'))), null),
  example('5 != null is true', not(f('equal', lit(5), nullOf('long'))), 'true'),
  example('null > 3 is null', f('greater', nullOf('long'), lit(3)), null),
  example('null in (1, 2) is false', f('equalAny', nullOf('long'), lit(1), lit(2)), 'false'),
  example('null !in (1, 2) is true', not(f('equalAny', nullOf('long'), lit(1), lit(2))), 'true'),
  example('null in (1, null) is null', f('equalAny', nullOf('long'), lit(1), nullOf('long')), null),
  example('5 in (1, null) is false', f('equalAny', lit(5), lit(1), nullOf('long')), 'false'),
];
