/**
 * The names plan expressions call functions by, in two families.
 *
 * The view functions keep SQL's meaning of null: a null input makes a null result, `eq` is
 * SQL's `=`. The vendor views are written with them.
 *
 * The Kusto functions mean exactly what Kusto's operators and functions mean, and the KQL binder
 * emits them. Two rules run through all of them. Kusto has no null string: wherever they read a
 * string, a SQL null reads as the empty string. And `==` between two nulls is null, between a
 * null and a value false. `docs/kql-functions.md` maps each Kusto operator and function to its
 * plan function and to its SQL on each engine.
 */

/** Functions with SQL's null semantics, used by the vendor views. */
export type ViewFunction =
  | 'and'
  | 'or'
  | 'not'
  | 'eq'
  | 'ne'
  | 'eqIgnoreCase'
  | 'in'
  | 'isNull'
  | 'isNotNull'
  | 'coalesce'
  | 'nullIfEmpty'
  | 'concat'
  | 'lower'
  | 'upper'
  | 'startsWithIgnoreCase'
  | 'endsWithIgnoreCase'
  | 'containsIgnoreCase'
  | 'fileName'
  | 'folderPath'
  | 'regexExtract'
  | 'regexMatch'
  | 'replaceText'
  | 'xmlEscape'
  | 'split'
  | 'array'
  | 'arrayCompact'
  | 'arrayJoin'
  | 'arrayLength'
  | 'hexToLong'
  | 'toHex'
  | 'bitAnd'
  | 'sha1'
  | 'formatDatetime'
  | 'extraField'
  | 'eventDataXml'
  | 'eventDataParams'
  | 'eventDataText'
  | 'eventDataJson'
  | 'rowJson';

/**
 * Kusto's comparisons: `==` (`equal`), `=~`, `<`, `<=`, `>`, `>=`, `between`, `in` (`equalAny`)
 * and `in~`. `!=`, `!~`, `!between`, `!in` and `!in~` are `not` of these: under Kusto's null
 * rules each negated operator is exactly the negation of its positive twin.
 */
export type ComparisonFunction =
  | 'equal'
  | 'equalIgnoreCase'
  | 'less'
  | 'lessOrEqual'
  | 'greater'
  | 'greaterOrEqual'
  | 'between'
  | 'equalAny'
  | 'equalAnyIgnoreCase';

/**
 * Kusto's string predicates, case-insensitive unless `Cs`. Their negations (`!contains`,
 * `!has_cs` ...) are `not` of these, since a string predicate is never null.
 */
export type TextPredicate =
  | 'contains'
  | 'containsCs'
  | 'startsWith'
  | 'startsWithCs'
  | 'endsWith'
  | 'endsWithCs'
  | 'has'
  | 'hasCs'
  | 'hasPrefix'
  | 'hasPrefixCs'
  | 'hasSuffix'
  | 'hasSuffixCs'
  | 'hasAny'
  | 'hasAll'
  | 'matchesRegex';

/**
 * Kusto's string functions: `strlen`, `substring`, `split` (`splitText`), `isempty` and
 * `isnotempty`. `tolower`, `toupper`, `strcat` and `extract` are the view functions `lower`,
 * `upper`, `concat` and `regexExtract`, whose nulls stand for Kusto's empty strings.
 */
export type TextFunction = 'strlen' | 'substring' | 'splitText' | 'isEmpty' | 'isNotEmpty';

/** Kusto's `+ - * / %` and unary minus, over numbers, datetimes and timespans. */
export type ArithmeticFunction = 'add' | 'subtract' | 'multiply' | 'divide' | 'modulo' | 'negate';

/** Kusto's datetime functions (`format_datetime` is the view function `formatDatetime`). */
export type TimeFunction =
  'now' | 'ago' | 'bin' | 'datetimeAdd' | 'datetimeDiff' | 'datetimeUtcToLocal';

/**
 * Kusto's `isnull`, `isnotnull` and `coalesce` (`isNullValue`, `isNotNullValue`,
 * `firstNonEmpty`), and property access on `dynamic` values (`d.a`, `d['a']`, `d[0]`).
 */
export type ValueFunction = 'isNullValue' | 'isNotNullValue' | 'firstNonEmpty' | 'dynamicGet';

/** The functions with Kusto's meaning. */
export type KustoFunction =
  | ComparisonFunction
  | TextPredicate
  | TextFunction
  | ArithmeticFunction
  | TimeFunction
  | ValueFunction;

/** The functions plan expressions may call. */
export type FunctionName = ViewFunction | KustoFunction;
